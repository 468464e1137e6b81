import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPrismaClient } from '../../api/src/db/client.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../../api/src/db/database.ts';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres.ts';
import { migrate } from '../../api/src/db/migrator.ts';
import { seedDemoIcs } from '../../prisma/seed/demo-ics.ts';
import { TEST_TODAY } from './test-clock.ts';

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server in DATABASE_URL), and prepares two
 * template databases that every test file clones: one migrated, one migrated and seeded with the demo ICS.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  const dataDir = external ? undefined : mkdtempSync(path.join(tmpdir(), 'analyst-pool-test-pg-'));
  const server = dataDir ? await startEmbeddedPostgres({ dataDir, disposable: true }) : undefined;
  const adminUrl = external ?? server!.adminUrl;

  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const templates = { empty: `ap_template_empty_${suffix}`, demo: `ap_template_demo_${suffix}` };
  await createDatabase(adminUrl, templates.empty);
  await migrate(databaseUrl(adminUrl, templates.empty));
  await createDatabase(adminUrl, templates.demo, templates.empty);
  const prisma = createPrismaClient(databaseUrl(adminUrl, templates.demo));
  try {
    await seedDemoIcs(prisma, { today: TEST_TODAY });
  } finally {
    await prisma.$disconnect();
  }

  project.provide('adminUrl', adminUrl);
  project.provide('templates', templates);

  return async () => {
    if (external) for (const name of Object.values(templates)) await dropDatabase(adminUrl, name);
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templates: { empty: string; demo: string };
  }
}
