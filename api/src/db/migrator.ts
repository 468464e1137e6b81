import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/migrations');

/** The lock key Prisma Migrate itself takes, so our migrator and `prisma migrate deploy` never run at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

// The bookkeeping table exactly as Prisma Migrate creates it, so `prisma migrate deploy` can take over.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in order, each in its own transaction, recording them the way Prisma Migrate
 * does. Refuses to run when an applied migration was edited, failed earlier, or is unknown to this code.
 */
export async function migrate(databaseUrl: string, migrations: Migration[] = readMigrations()): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const pending = pendingMigrations(migrations, rows);
    for (const migration of pending) await applyMigration(client, migration);
    return { applied: pending.map((migration) => migration.name) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}

function pendingMigrations(migrations: Migration[], applied: AppliedRow[]): Migration[] {
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of applied) {
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(
        `The database has migration "${row.migration_name}" applied, but this version of Analyst Pool does not ` +
          'contain it. Run the version of the code that matches the database.',
      );
    }
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration "${row.migration_name}" started earlier but never finished. Inspect the database, then mark ` +
          'it rolled back in "_prisma_migrations" before starting again.',
      );
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration "${row.migration_name}" was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… ` +
          `in the database, ${migration.checksum.slice(0, 12)}… on disk). Applied migrations must never be edited: ` +
          'restore the original file and add a new migration instead.',
      );
    }
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return migrations.filter((migration) => !done.has(migration.name));
}

async function applyMigration(client: pg.Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration "${migration.name}" failed and was rolled back: ${reason}`);
  }
}
