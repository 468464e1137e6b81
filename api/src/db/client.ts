import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };

/** How the API's connections appear in pg_stat_activity (a connection URL's `application_name` wins). */
export const APPLICATION_NAME = 'analyst-pool';
/** An unreachable host fails a request after this long instead of at the operating system's TCP timeout. */
const CONNECT_TIMEOUT_MS = 10_000;

export interface PrismaClientOptions {
  /** Called with every SQL statement Prisma sends; tests use it to count statements per operation. */
  onQuery?: (sql: string) => void;
  /** Upper bound of pooled connections (node-postgres pool size). */
  maxConnections?: number;
  /**
   * Called when a connection breaks outside a query, e.g. an idle pooled connection when PostgreSQL stops.
   * The pool drops such a connection and opens a new one when next needed.
   */
  onConnectionError?: (error: Error) => void;
}

export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const { onConnectionError } = options;
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: options.maxConnections ?? 10,
      application_name: APPLICATION_NAME,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    },
    { onPoolError: onConnectionError, onConnectionError },
  );
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (event) => onQuery(event.query));
  return client;
}
