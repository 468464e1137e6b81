import os from 'node:os';
import type { BenchDatabase } from './database.ts';
import type { LoadResult, LoadSettings } from './load.ts';
import type { ProcessMemory } from './process-stats.ts';
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
  /** CPU time of the API process per request, sent one at a time (cpu-cost.ts); null off Linux. */
  cpuMsPerRequest: { [Key in keyof StatementCounts]: number | null };
  /**
   * Under load while the database changes every few milliseconds: answers are computed again, shared only by
   * requests that arrive while the same snapshot holds.
   */
  changingData: LoadResult;
  /** Under load with nothing changing: the API may serve answers it kept. */
  unchangedData: LoadResult;
  /** p95 with changing data below the bar; null for rows the bar does not cover (the other list queries). */
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

export function failedRequests({ changingData, unchangedData }: OperationReport): number {
  return [changingData, unchangedData].reduce((sum, load) => sum + load.errors + load.non2xx + load.graphqlErrors, 0);
}

const verdict = (meets: boolean | null) => (meets === null ? '-' : meets ? 'pass' : 'FAIL');

const COLUMNS: { title: string; value: (operation: OperationReport) => string; alignLeft?: boolean }[] = [
  { title: 'Operation', value: (operation) => operation.operation, alignLeft: true },
  { title: 'Viewer', value: (operation) => operation.viewer, alignLeft: true },
  { title: 'Items', value: (operation) => String(operation.items) },
  { title: 'SQL', value: (operation) => String(operation.sqlStatements.computed) },
  { title: 'CPU ms', value: (operation) => operation.cpuMsPerRequest.computed?.toFixed(1) ?? '-' },
  { title: 'Req/s', value: (operation) => operation.changingData.requestsPerSecond.toFixed(0) },
  { title: 'p50 ms', value: (operation) => operation.changingData.latencyMs.p50.toFixed(1) },
  { title: 'p95 ms', value: (operation) => operation.changingData.latencyMs.p95.toFixed(1) },
  { title: 'p99 ms', value: (operation) => operation.changingData.latencyMs.p99.toFixed(1) },
  { title: `p95 < ${BARS.p95Ms} ms`, value: (operation) => verdict(operation.meetsBar) },
  { title: '| SQL', value: (operation) => String(operation.sqlStatements.repeated) },
  { title: 'CPU ms', value: (operation) => operation.cpuMsPerRequest.repeated?.toFixed(1) ?? '-' },
  { title: 'Req/s', value: (operation) => operation.unchangedData.requestsPerSecond.toFixed(0) },
  { title: 'p95 ms', value: (operation) => operation.unchangedData.latencyMs.p95.toFixed(1) },
  { title: 'Errors', value: (operation) => String(failedRequests(operation)) },
];

/** Names the two load runs above their columns: the changing-data ones, then from "| SQL" the unchanged-data ones. */
function groupHeading(widths: number[]): string {
  const start = (column: number) => widths.slice(0, column).reduce((sum, width) => sum + width + 2, 0);
  const changing = 'data changing all the time (answers recomputed)';
  const unchanged = COLUMNS.findIndex((column) => column.title.startsWith('|'));
  return `${' '.repeat(start(4))}${changing.padEnd(start(unchanged) - start(4))}| data unchanged (kept answers may serve)`;
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
    'from 20 sent one at a time (PostgreSQL not counted). The bar verdict is on the changing-data p95.',
    'Errors: connection errors, timeouts, non-2xx responses and responses with GraphQL errors.',
  ].join('\n');
}
