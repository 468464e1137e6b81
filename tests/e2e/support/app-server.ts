import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../../api/src/app.ts';
import type { PrismaClient } from '../../../api/src/db/client.ts';
import { createTestDatabase } from '../../support/database.ts';

export const webDistDir = path.resolve(import.meta.dirname, '../../../dist/web');

export interface RunningApp {
  /** e.g. "http://127.0.0.1:41234" */
  baseUrl: string;
  /** The test file's own demo database, for choosing data to look for (never for faking state). */
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** The whole service, API and built web client, on a free loopback port over a fresh demo database. */
export async function startApp(): Promise<RunningApp> {
  if (!existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error(`The built web client is missing (${webDistDir}/index.html). Run "npm run build" first, or use "npm run test:e2e", which builds before testing.`);
  }

  const database = await createTestDatabase('demo');
  const { handler } = createApp({ prisma: database.prisma, logger: pino({ level: 'error' }), webDistDir });
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
