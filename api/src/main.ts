import { createServer, type Server } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { createApp } from './app.ts';
import { readConfig, type Config } from './config.ts';
import { loadPersistedOperations, PERSISTED_OPERATIONS_FILE, type PersistedOperationStore } from './http/persisted-operations.ts';
import { createPrismaClient } from './db/client.ts';
import { resolveDatabase, type ResolvedDatabase } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { bootstrapAdmin, isDatabaseEmpty } from './services/bootstrap.ts';
import { stopSharedWorker } from './matching/run-in-worker.ts';
import { failInterruptedRuns } from './services/matching/run-matching.ts';
import { startAllocationScheduler } from './services/scheduler.ts';
import { seedDemoIcs } from '../../prisma/seed/demo-ics.ts';

// Written synchronously, so the lines of a shutdown reach the log, in order, before the process exits.
const logger = pino({ name: 'analyst-pool' }, pino.destination({ sync: true }));

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

  const prisma = createPrismaClient(database.url, {
    onConnectionError: (error) => logger.warn({ reason: error.message }, 'A database connection broke; a new one opens when needed'),
  });
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
  const stopScheduler = startAllocationScheduler(prisma, {
    logger,
    retentionMonthsAfterLeaving: config.retentionMonthsAfterLeaving,
    profileReadRetentionMonths: config.profileReadRetentionMonths,
  });

  const { handler } = createApp({
    prisma,
    logger,
    webDistDir: config.webDistDir,
    production: config.production,
    persistedOperations: webClientOperations(config),
    trustProxy: config.trustProxy,
    sessions: config.sessions,
    retentionMonthsAfterLeaving: config.retentionMonthsAfterLeaving,
  });
  const server = createServer(handler);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(`Analyst Pool is running at http://localhost:${port}/ (GraphQL at /graphql)`);
  });

  const shutdown = gracefulShutdown(server, config.shutdownGraceMs, [
    ['allocation scheduler', async () => stopScheduler()],
    ['matching worker', stopSharedWorker],
    ['database connections', () => prisma.$disconnect()],
    ...(database.embedded ? [['embedded PostgreSQL', () => database.stop()] as const] : []),
  ]);
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** A step that hangs (say, a pooled connection never returned) must not keep the later ones, or the exit, waiting. */
const STOP_STEP_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * The first SIGTERM or SIGINT stops accepting connections and lets in-flight requests finish; connections
 * still open after `graceMs`, or at a second signal, are closed. Then each step stops in turn and the
 * process exits (1 if a step failed).
 */
function gracefulShutdown(server: Server, graceMs: number, steps: (readonly [string, () => Promise<unknown>])[]) {
  let stopping = false;
  const closeAll = (reason: string) => {
    logger.warn({ reason }, 'Closing the connections still open');
    server.closeAllConnections();
  };
  return (signal: NodeJS.Signals) => {
    if (stopping) {
      closeAll(`second ${signal}`);
      return;
    }
    stopping = true;
    const grace = setTimeout(() => closeAll(`still open after ${graceMs} ms`), graceMs);
    // A keep-alive connection becomes idle once its last response is sent; close it then, not at its timeout.
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    server.close(async () => {
      clearTimeout(grace);
      clearInterval(idle);
      let failed = false;
      for (const [name, stop] of steps) {
        try {
          await withTimeout(stop(), STOP_STEP_TIMEOUT_MS);
          logger.info(`Stopped: ${name}`);
        } catch (error) {
          failed = true;
          logger.error({ err: error }, `Could not stop: ${name}`);
        }
      }
      logger.info(failed ? 'Stopped, with errors' : 'Stopped cleanly');
      process.exit(failed ? 1 : 0);
    });
    server.closeIdleConnections();
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
  };
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? { message: error.message } : { error }, 'Analyst Pool could not start');
  process.exit(1);
});

/** In production only the built web client's operations run, so its manifest must be there. */
function webClientOperations(config: Config): PersistedOperationStore | undefined {
  const file = path.join(config.webDistDir, PERSISTED_OPERATIONS_FILE);
  const operations = loadPersistedOperations(file);
  if (!operations && config.production) throw new Error(`${file} is missing: run "npm run build" before starting in production.`);
  return operations;
}
