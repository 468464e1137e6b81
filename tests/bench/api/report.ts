import os from 'node:os';
import type { BenchDatabase } from './database.ts';
import type { LoadResult, LoadSettings } from './load.ts';
import type { ProcessMemory } from './process-stats.ts';
import type { SequentialCost } from './sequential-cost.ts';
import type { StatementCounts } from './statements.ts';

/** The quality bars of DESIGN.md that this benchmark checks. */
export const BARS = { p95Ms: 50, peakRssMb: 300 } as const;

export interface OperationReport {
  operation: string;
  viewer: string;
  /** Items in one response: the edges or items of its list, or 1 for a single object. */
  items: number;
  /** SQL statements one execution sends, session lookup included. */
  sqlStatements: StatementCounts;
  /** CPU time of the API process per request, sent one at a time (sequential-cost.ts); null off Linux. */
  cpuMsPerRequest: SequentialCost['cpuMs'];
  /** One request at a time, each just after a change to the database. */
  aloneAfterChangeMs: SequentialCost['aloneAfterChangeMs'];
  /**
   * Under load from as many people as connections, each with their own session, while a lead saves a change
   * through the API every second: every answer read after a change is computed again.
   */
  inUse: LoadResult & { people: number; editsSaved: number };
  /**
   * Under load while the database changes every few milliseconds: answers are computed again, shared only by
   * requests that arrive while the same snapshot holds.
   */
  changingData: LoadResult;
  /** Under load with nothing changing: the API may serve answers it kept. */
  unchangedData: LoadResult;
  /**
   * In use, p95 below the bar, and alone after a change, p95 below the bar too; null for rows the bar does not
   * cover (the other list queries).
   */
  meetsBar: boolean | null;
}

export interface BenchReport {
  settings: LoadSettings & { warmUpSeconds: number; transport: 'loopback HTTP' };
  environment: {
    node: string;
    platform: string;
    cpu: string;
    cpus: number;
    /** One-minute load average when the load runs began and when they ended: other work skews the numbers. */
    loadAverage: { start: number; end: number };
    database: BenchDatabase['server'];
  };
  dataset: { name: string; description: string };
  operations: OperationReport[];
  /** The API process after every run, and its RSS once listening and before the first run; null off Linux. */
  apiMemory: (ProcessMemory & { rssListeningMb: number; rssBeforeLoadMb: number; meetsBar: boolean }) | null;
}

export function loadAverage(): number {
  return Number(os.loadavg()[0]!.toFixed(2));
}

export function environmentOf(database: BenchDatabase, loadAtStart: number): BenchReport['environment'] {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    loadAverage: { start: loadAtStart, end: loadAverage() },
    database: database.server,
  };
}

export function failedRequests({ inUse, changingData, unchangedData }: OperationReport): number {
  return [inUse, changingData, unchangedData].reduce((sum, load) => sum + load.errors + load.non2xx + load.graphqlErrors, 0);
}

const verdict = (meets: boolean | null) => (meets === null ? '-' : meets ? 'pass' : 'FAIL');

const COLUMNS: { title: string; value: (operation: OperationReport) => string; alignLeft?: boolean }[] = [
  { title: 'Operation', value: (operation) => operation.operation, alignLeft: true },
  { title: 'Viewer', value: (operation) => operation.viewer, alignLeft: true },
  { title: 'Items', value: (operation) => String(operation.items) },
  { title: 'SQL', value: (operation) => String(operation.sqlStatements.computed) },
  { title: 'CPU ms', value: (operation) => operation.cpuMsPerRequest.computed?.toFixed(1) ?? '-' },
  { title: 'p95 ms', value: (operation) => operation.aloneAfterChangeMs.p95.toFixed(1) },
  { title: '| Req/s', value: (operation) => operation.inUse.requestsPerSecond.toFixed(0) },
  { title: 'p50 ms', value: (operation) => operation.inUse.latencyMs.p50.toFixed(1) },
  { title: 'p95 ms', value: (operation) => operation.inUse.latencyMs.p95.toFixed(1) },
  { title: 'p99 ms', value: (operation) => operation.inUse.latencyMs.p99.toFixed(1) },
  { title: 'Saves', value: (operation) => String(operation.inUse.editsSaved) },
  { title: `p95 < ${BARS.p95Ms} ms`, value: (operation) => verdict(operation.meetsBar) },
  { title: '| Req/s', value: (operation) => operation.changingData.requestsPerSecond.toFixed(0) },
  { title: 'p95 ms', value: (operation) => operation.changingData.latencyMs.p95.toFixed(1) },
  { title: '| SQL', value: (operation) => String(operation.sqlStatements.repeated) },
  { title: 'CPU ms', value: (operation) => operation.cpuMsPerRequest.repeated?.toFixed(1) ?? '-' },
  { title: 'Req/s', value: (operation) => operation.unchangedData.requestsPerSecond.toFixed(0) },
  { title: 'p95 ms', value: (operation) => operation.unchangedData.latencyMs.p95.toFixed(1) },
  { title: 'Errors', value: (operation) => String(failedRequests(operation)) },
];

/** Titles of the groups of columns: the first starts at "CPU ms", each other at a column titled "| …". */
const GROUPS = ['alone', 'in use: own sessions, a save every second', 'recomputed all the time', 'data unchanged (kept answers may serve)'];
const FIRST_GROUP_COLUMN = 4;

function groupHeading(widths: number[]): string {
  const start = (column: number) => widths.slice(0, column).reduce((sum, width) => sum + width + 2, 0);
  const starts = [FIRST_GROUP_COLUMN, ...COLUMNS.flatMap((column, index) => (column.title.startsWith('|') ? [index] : []))];
  return starts.reduce((line, column, group) => {
    const next = starts[group + 1];
    const title = `${group === 0 ? '' : '| '}${GROUPS[group]}`;
    return line + (next === undefined ? title : title.padEnd(start(next) - start(column)));
  }, ' '.repeat(start(FIRST_GROUP_COLUMN)));
}

export function formatTable(report: BenchReport): string {
  const { settings, environment, dataset, apiMemory } = report;
  const rows = [COLUMNS.map((column) => column.title), ...report.operations.map((operation) => COLUMNS.map((column) => column.value(operation)))];
  const widths = COLUMNS.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const line = (row: string[]) =>
    row.map((cell, index) => (COLUMNS[index]!.alignLeft ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return [
    `Analyst Pool API benchmark: ${settings.connections} connections, ${settings.durationSeconds} s per row ` +
      `after ${settings.warmUpSeconds} s warm-up, ${settings.transport}`,
    `${environment.node} on ${environment.platform}, ${environment.cpus} × ${environment.cpu}, ` +
      `load average ${environment.loadAverage.start} at start and ${environment.loadAverage.end} at end; PostgreSQL: ${environment.database}`,
    `Dataset ${dataset.name}: ${dataset.description}`,
    '',
    groupHeading(widths),
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
    '',
    apiMemory
      ? `API process memory: peak RSS ${apiMemory.peakRssMb} MB (bar < ${BARS.peakRssMb} MB: ${verdict(apiMemory.meetsBar)}); ` +
        `RSS ${apiMemory.rssListeningMb} MB once listening, ${apiMemory.rssBeforeLoadMb} MB before the first run, ${apiMemory.rssMb} MB after the last`
      : 'API process memory: not available on this platform',
    'SQL: statements one execution sends, session lookup included. CPU ms: CPU time of the API process per request,',
    'from 20 sent one at a time (PostgreSQL not counted). Alone: 20 requests one at a time, each just',
    `after a committed write. In use: ${report.settings.connections} people, each with their own session, while a lead saves an edit`,
    'through the API every second (Saves: how many were saved during the run). Recomputed all the time: one session,',
    'the database snapshot moved every 5 ms. The bar verdict needs p95 under the bar both in use and alone.',
    'Errors: connection errors, timeouts, non-2xx responses and responses with GraphQL errors.',
  ].join('\n');
}
