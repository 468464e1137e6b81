import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../../../api/src/db/client.ts';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../../../api/src/db/database.ts';
import { startEmbeddedPostgres } from '../../../api/src/db/embedded-postgres.ts';
import { migrate } from '../../../api/src/db/migrator.ts';
import { withTimeout, type Teardown } from './teardown.ts';
import { seedDataset, type Dataset, type SeededDataset } from './datasets.ts';

export interface BenchDatabase {
  url: string;
  server: 'embedded' | 'DATABASE_URL';
  seeded: SeededDataset;
}

const START_TIMEOUT_MS = 120_000;
const MIGRATE_TIMEOUT_MS = 120_000;
const SEED_TIMEOUT_MS = 600_000;

/**
 * A fresh database holding the dataset: on the server of DATABASE_URL when it is set, otherwise on a
 * throwaway embedded PostgreSQL in a temporary directory. Dropped (and the server stopped) by `teardown`.
 */
export async function createBenchDatabase(
  teardown: Teardown,
  log: (message: string) => void,
  dataset: Dataset = 'demo',
): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  const adminUrl = external ?? (await startDisposablePostgres(teardown, log));

  const name = `ap_bench_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  teardown.add(`drop database ${name}`, () => dropDatabase(adminUrl, name));
  const url = databaseUrl(adminUrl, name);

  log('Migrating…');
  await withTimeout(migrate(url), MIGRATE_TIMEOUT_MS, 'Migrating');
  log(`Seeding the ${dataset} dataset…`);
  const prisma = createPrismaClient(url);
  try {
    const started = performance.now();
    const seeded = await withTimeout(seedDataset(prisma, dataset), SEED_TIMEOUT_MS, `Seeding the ${dataset} dataset`);
    log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${seeded.description}`);
    // A database in use has planner statistics (autovacuum gathers them within minutes of a bulk load);
    // without them PostgreSQL plans joins blindly and the first minutes would measure that instead.
    await prisma.$executeRawUnsafe('ANALYZE');
    return { url, server: external ? 'DATABASE_URL' : 'embedded', seeded };
  } finally {
    await prisma.$disconnect();
  }
}

async function startDisposablePostgres(teardown: Teardown, log: (message: string) => void): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'analyst-pool-bench-pg-'));
  teardown.add(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  log('Starting a disposable embedded PostgreSQL…');
  const server = await withTimeout(
    startEmbeddedPostgres({ dataDir, disposable: true }),
    START_TIMEOUT_MS,
    'Starting PostgreSQL',
  );
  teardown.add('stop PostgreSQL', () => server.stop());
  return server.adminUrl;
}
