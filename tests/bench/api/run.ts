// Load-tests the GraphQL operations of the web client's pages against a freshly seeded dataset.
import os from 'node:os';
import { createBenchDatabase } from './database.ts';
import type { Viewer } from './datasets.ts';
import { execute, signIn } from './graphql-http.ts';
import { runLoad, WARM_UP_SECONDS } from './load.ts';
import { itemCount, listOperations } from './operations.ts';
import { readOptions, UsageError, type BenchOptions } from './options.ts';
import { processMemory } from './process-stats.ts';
import { saveProfileEditsEvery } from './profile-edits.ts';
import { BARS, environmentOf, failedRequests, formatTable, loadAverage, type BenchReport, type OperationReport } from './report.ts';
import { startApiServer } from './server.ts';
import { sequentialCost } from './sequential-cost.ts';
import { createSnapshotChurn } from './snapshot-churn.ts';
import { createStatementCounter, type StatementCounts } from './statements.ts';
import { Teardown } from './teardown.ts';
import { webPageOperations, type Operation } from './web-pages.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * While "changing data" rows run, the database changes this often, so answers are computed afresh rather than
 * served from ones the API kept (requests within one snapshot may still share a computation); the cost is one
 * tiny statement per interval.
 */
const CHURN_INTERVAL_MS = 5;
/** While "in use" rows run, a lead saves an edit this often: far more often than people do. */
const EDIT_INTERVAL_MS = 1_000;

interface Case {
  operation: Operation;
  viewer: Viewer;
  cookie: string;
  /** One session per connection, each signed in separately: the people using the page at once. */
  people: string[];
  items: number;
  sqlStatements: StatementCounts;
  /** The bar covers the pages' operations, not the other list queries. */
  barApplies: boolean;
}

async function main(options: BenchOptions, teardown: Teardown): Promise<BenchReport> {
  const database = await createBenchDatabase(teardown, log, options.dataset);
  const { seeded } = database;
  const server = await startApiServer(database.url, teardown);
  log(`API listening at ${server.endpoint} (pid ${server.pid})`);
  const rssListeningMb = processMemory(server.pid)?.rssMb;

  const cookies = new Map<Viewer, string>();
  const people = new Map<Viewer, string[]>();
  for (const viewer of seeded.viewers) {
    cookies.set(viewer, await signIn(server.endpoint, viewer.email, seeded.password));
    const sessions: string[] = [];
    for (let person = 0; person < options.connections; person += 1) sessions.push(await signIn(server.endpoint, viewer.email, seeded.password));
    people.set(viewer, sessions);
  }
  const workforceLead = seeded.viewers.find((viewer) => viewer.role === 'WORKFORCE_LEAD')!;
  const pages: Operation[] = webPageOperations();
  const lists = options.lists ? await listOperations(server.endpoint, cookies.get(workforceLead)!) : [];
  const operations = [...pages, ...lists].filter((operation) => !options.only || operation.name.toLowerCase().includes(options.only));
  if (operations.length === 0) throw new UsageError(`No operation matches --only "${options.only}"`);

  // Every case is checked before any load, so a broken operation fails the run in seconds, not minutes.
  const snapshots = createSnapshotChurn(database.url, teardown);
  const countStatements = createStatementCounter(database.url, teardown, snapshots.advance);
  const cases: Case[] = [];
  for (const operation of operations) {
    for (const viewer of seeded.viewers.filter((candidate) => operation.roles.includes(candidate.role))) {
      const cookie = cookies.get(viewer)!;
      const { data } = await execute(server.endpoint, operation.request, cookie).catch((error: unknown) => {
        throw new Error(`"${operation.name}" as the ${viewer.label} failed: ${error instanceof Error ? error.message : error}`);
      });
      const sqlStatements = await countStatements(operation.request, cookie);
      cases.push({ operation, viewer, cookie, people: people.get(viewer)!, items: itemCount(data), sqlStatements, barApplies: pages.includes(operation) });
    }
  }

  const settings = { connections: options.connections, durationSeconds: options.durationSeconds };
  const rssBeforeLoadMb = processMemory(server.pid)?.rssMb;
  const loadAtStart = loadAverage();
  const results: OperationReport[] = [];
  const editorCookie = cookies.get(workforceLead)!;
  for (const [index, { operation, viewer, cookie, people, items, sqlStatements, barApplies }] of cases.entries()) {
    log(`[${index + 1}/${cases.length}] ${operation.name} as the ${viewer.label} (load average ${loadAverage()})…`);
    const cost = await sequentialCost(server.endpoint, operation.request, cookie, server.pid, snapshots.advance);
    const stopEditing = await saveProfileEditsEvery(server.endpoint, editorCookie, EDIT_INTERVAL_MS);
    const inUseLoad = await runLoad(server.endpoint, operation.request, people, settings);
    const inUse = { ...inUseLoad, people: people.length, editsSaved: await stopEditing() };
    const stopChurn = snapshots.churn(CHURN_INTERVAL_MS);
    const changingData = await runLoad(server.endpoint, operation.request, [cookie], settings).finally(stopChurn);
    const unchangedData = await runLoad(server.endpoint, operation.request, [cookie], settings);
    results.push({
      operation: operation.name,
      viewer: viewer.label,
      items,
      sqlStatements,
      cpuMsPerRequest: cost.cpuMs,
      aloneAfterChangeMs: cost.aloneAfterChangeMs,
      inUse,
      changingData,
      unchangedData,
      meetsBar: barApplies ? inUse.latencyMs.p95 < BARS.p95Ms && cost.aloneAfterChangeMs.p95 < BARS.p95Ms : null,
    });
  }
  const memory = processMemory(server.pid);
  return {
    settings: { ...settings, warmUpSeconds: WARM_UP_SECONDS, transport: 'loopback HTTP' },
    environment: environmentOf(database, loadAtStart),
    dataset: { name: seeded.name, description: seeded.description },
    operations: results,
    apiMemory: memory && { ...memory, rssListeningMb: rssListeningMb ?? Number.NaN, rssBeforeLoadMb: rssBeforeLoadMb ?? Number.NaN, meetsBar: memory.peakRssMb < BARS.peakRssMb },
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
