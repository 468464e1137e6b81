// Load-tests the GraphQL operations behind the web client's lists against a freshly seeded demo ICS.
import os from 'node:os';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-logins.ts';
import { createBenchDatabase } from './database.ts';
import { execute, signIn } from './graphql-http.ts';
import { runLoad, WARM_UP_SECONDS } from './load.ts';
import { itemCount, VIEWERS, webClientOperations, type Operation, type Viewer } from './operations.ts';
import { readOptions, UsageError, type BenchOptions } from './options.ts';
import { environmentOf, failedRequests, formatTable, type BenchReport, type OperationReport } from './report.ts';
import { startApiServer } from './server.ts';
import { createStatementCounter } from './statements.ts';
import { Teardown } from './teardown.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

interface Case {
  operation: Operation;
  viewer: Viewer;
  cookie: string;
  items: number;
  sqlStatements: number;
}

async function main(options: BenchOptions, teardown: Teardown): Promise<BenchReport> {
  const database = await createBenchDatabase(teardown, log);
  const endpoint = await startApiServer(database.url, teardown);
  log(`API listening at ${endpoint}`);

  const cookies = new Map<Viewer, string>();
  for (const viewer of VIEWERS) cookies.set(viewer, await signIn(endpoint, viewer.email, DEMO_PASSWORD));
  const operations = (await webClientOperations(endpoint, cookies.get(VIEWERS[0]!)!)).filter(
    (operation) => !options.only || operation.name.toLowerCase().includes(options.only),
  );
  if (operations.length === 0) throw new UsageError(`No operation matches --only "${options.only}"`);

  // Every case is checked before any load, so a broken operation fails the run in seconds, not minutes.
  const countStatements = createStatementCounter(database.url, teardown);
  const cases: Case[] = [];
  for (const operation of operations) {
    for (const viewer of VIEWERS) {
      const cookie = cookies.get(viewer)!;
      const { data } = await execute(endpoint, operation.request, cookie).catch((error: unknown) => {
        throw new Error(`"${operation.name}" as the ${viewer.label} failed: ${error instanceof Error ? error.message : error}`);
      });
      cases.push({ operation, viewer, cookie, items: itemCount(data), sqlStatements: await countStatements(operation.request, cookie) });
    }
  }

  const settings = { connections: options.connections, durationSeconds: options.durationSeconds };
  const environment = environmentOf(database);
  const results: OperationReport[] = [];
  for (const [index, { operation, viewer, cookie, items, sqlStatements }] of cases.entries()) {
    log(`[${index + 1}/${cases.length}] ${operation.name} as the ${viewer.label}…`);
    const load = await runLoad(endpoint, operation.request, cookie, settings);
    results.push({ operation: operation.name, viewer: viewer.label, items, sqlStatements, ...load });
  }
  return {
    settings: { ...settings, warmUpSeconds: WARM_UP_SECONDS, transport: 'loopback HTTP' },
    environment,
    seeded: database.seeded,
    operations: results,
  };
}

async function run(): Promise<number> {
  let options: BenchOptions;
  try {
    options = readOptions();
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return 2;
  }

  const teardown = new Teardown(log);
  takeOverSignals(teardown);
  try {
    const report = await main(options, teardown);
    process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatTable(report)}\n`);
    const failing = report.operations.filter((operation) => failedRequests(operation) > 0);
    for (const operation of failing) log(`Failed requests under load: ${operation.operation} as the ${operation.viewer}`);
    return failing.length > 0 ? 1 : 0;
  } catch (error) {
    log(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    log('Stopping the API server and PostgreSQL…');
    await teardown.run();
  }
}

/** On Ctrl-C or SIGTERM the benchmark still stops everything it started, in order. */
function takeOverSignals(teardown: Teardown): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping…`);
      void teardown.run().finally(() => process.exit(128 + os.constants.signals[signal]));
    });
  }
}

process.exitCode = await run();
