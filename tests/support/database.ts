import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../api/src/db/client.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../../api/src/db/database.ts';

export interface TestDatabase {
  prisma: PrismaClient;
  url: string;
  /** Disconnects and drops the database; call it in afterAll. */
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from a template prepared by the global setup:
 * 'empty' is migrated only, 'demo' also holds the seeded demo ICS.
 */
export async function createTestDatabase(
  template: 'empty' | 'demo',
  options: { onQuery?: (sql: string) => void } = {},
): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `ap_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, inject('templates')[template]);
  const url = databaseUrl(adminUrl, name);
  const prisma = createPrismaClient(url, options);
  return {
    prisma,
    url,
    async drop() {
      await prisma.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}
