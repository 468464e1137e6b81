import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface ResolvedDatabase {
  url: string;
  /** True when this process started the embedded server (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_DATA_DIR = path.resolve(process.env.ANALYST_POOL_DATA_DIR ?? '.data', 'postgres');
export const EMBEDDED_DATABASE = 'analyst_pool';

/** Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL under .data/postgres. */
export async function resolveDatabase(log: (message: string) => void = () => {}): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };

  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, log });
  try {
    await createDatabaseIfMissing(server.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: databaseUrl(server.adminUrl, EMBEDDED_DATABASE), embedded: true, stop: () => server.stop() };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  });
}

/** Creates a database, as a copy of `template` when given (the template must have no open connections). */
export async function createDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`));
}

/** Drops a database, closing any connections still open to it. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`));
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
