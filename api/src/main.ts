import { createServer } from 'node:http';
import pino from 'pino';
import { createApp } from './app.ts';
import { readConfig, type Config } from './config.ts';
import { createPrismaClient } from './db/client.ts';
import { resolveDatabase, type ResolvedDatabase } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { bootstrapAdmin, isDatabaseEmpty } from './services/bootstrap.ts';
import { stopSharedWorker } from './matching/run-in-worker.ts';
import { failInterruptedRuns } from './services/matching/run-matching.ts';
import { startAllocationScheduler } from './services/scheduler.ts';
import { seedDemoIcs } from '../../prisma/seed/demo-ics.ts';

const logger = pino({ name: 'analyst-pool' });

async function main(): Promise<void> {
  const config = readConfig();
  const database = await resolveDatabase((message) => logger.debug({ postgres: message }));
  logger.info(database.embedded ? 'Embedded PostgreSQL started (data in .data/postgres)' : 'Using DATABASE_URL');

  try {
    await serve(config, database);
  } catch (error) {
    await database.stop();
    throw error;
  }
}

async function serve(config: Config, database: ResolvedDatabase): Promise<void> {
  const { applied } = await migrate(database.url);
  if (applied.length > 0) logger.info({ applied }, 'Migrations applied');

  const prisma = createPrismaClient(database.url);
  if (await isDatabaseEmpty(prisma)) {
    if (config.admin) {
      await bootstrapAdmin(prisma, config.admin);
      logger.info({ email: config.admin.email }, 'Created the first workforce lead');
    } else {
      const summary = await seedDemoIcs(prisma);
      logger.info(summary, 'Seeded the demo ICS (see README for demo logins)');
    }
  }

  const interrupted = await failInterruptedRuns(prisma, new Date());
  if (interrupted > 0) logger.warn({ interrupted }, 'Marked matching runs left running by the last stop as FAILED');
  const stopScheduler = startAllocationScheduler(prisma, { logger });

  const { handler } = createApp({ prisma, logger, webDistDir: config.webDistDir });
  const server = createServer(handler);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(`Analyst Pool is running at http://localhost:${port}/ (GraphQL at /graphql)`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    stopScheduler();
    await stopSharedWorker();
    await prisma.$disconnect();
    await database.stop();
    logger.info('Stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? { message: error.message } : { error }, 'Analyst Pool could not start');
  process.exit(1);
});
