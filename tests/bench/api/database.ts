import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../../../api/src/db/client.ts';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../../../api/src/db/database.ts';
import { startEmbeddedPostgres } from '../../../api/src/db/embedded-postgres.ts';
import { migrate } from '../../../api/src/db/migrator.ts';
import { seedDemoIcs, type DemoSeedSummary } from '../../../prisma/seed/demo-ics.ts';
import { TEST_TODAY } from '../../support/test-clock.ts';
import { withTimeout, type Teardown } from './teardown.ts';

export interface BenchDatabase {
  url: string;
  server: 'embedded' | 'DATABASE_URL';
  seeded: DemoSeedSummary;
}

const START_TIMEOUT_MS = 120_000;
const MIGRATE_TIMEOUT_MS = 120_000;
const SEED_TIMEOUT_MS = 180_000;

/**
 * A fresh database holding the demo ICS: on the server of DATABASE_URL when it is set, otherwise on a
 * throwaway embedded PostgreSQL in a temporary directory. Dropped (and the server stopped) by `teardown`.
 */
export async function createBenchDatabase(teardown: Teardown, log: (message: string) => void): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  const adminUrl = external ?? (await startDisposablePostgres(teardown, log));

  const name = `ap_bench_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  teardown.add(`drop database ${name}`, () => dropDatabase(adminUrl, name));
  const url = databaseUrl(adminUrl, name);

  log('Migrating…');
  await withTimeout(migrate(url), MIGRATE_TIMEOUT_MS, 'Migrating');
  log('Seeding the demo ICS…');
  const prisma = createPrismaClient(url);
  try {
    const seeded = await withTimeout(seedDemoIcs(prisma, { today: TEST_TODAY }), SEED_TIMEOUT_MS, 'Seeding the demo ICS');
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
