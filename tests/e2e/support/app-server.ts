import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../../api/src/app.ts';
import type { PrismaClient } from '../../../api/src/db/client.ts';
import { loadPersistedOperations, PERSISTED_OPERATIONS_FILE } from '../../../api/src/http/persisted-operations.ts';
import { createTestDatabase } from '../../support/database.ts';
import { setupOperations } from './setup-operations.ts';

export const webDistDir = path.resolve(import.meta.dirname, '../../../dist/web');

export interface RunningApp {
  /** e.g. "http://127.0.0.1:41234" */
  baseUrl: string;
  /** The test file's own demo database, for choosing data to look for (never for faking state). */
  prisma: PrismaClient;
  close(): Promise<void>;
}

/**
 * The whole service, API and built web client, on a free loopback port over a fresh demo database; in
 * production mode, so the browser's every operation goes through the persisted operations manifest.
 */
export async function startApp(): Promise<RunningApp> {
  if (!existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error(`The built web client is missing (${webDistDir}/index.html). Run "npm run build" first, or use "npm run test:e2e", which builds before testing.`);
  }

  const webOperations = loadPersistedOperations(path.join(webDistDir, PERSISTED_OPERATIONS_FILE));
  if (!webOperations) throw new Error(`The built web client has no ${PERSISTED_OPERATIONS_FILE}. Run "npm run build" first.`);

  const database = await createTestDatabase('demo');
  const { handler } = createApp({
    prisma: database.prisma,
    logger: pino({ level: 'error' }),
    webDistDir,
    production: true,
    persistedOperations: { get: (hash) => webOperations.get(hash) ?? setupOperations.get(hash) },
  });
  const server = createServer(handler);
  try {
    await listen(server);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    prisma: database.prisma,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await database.drop();
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
