import os from 'node:os';
import type { BenchDatabase } from './database.ts';
import type { LoadResult, LoadSettings } from './load.ts';

export interface OperationReport extends LoadResult {
  operation: string;
  viewer: string;
  /** Items in one response: list edges, or 1 for a single object. */
  items: number;
  /** SQL statements one execution sends, session lookup included. */
  sqlStatements: number;
}

export interface BenchReport {
  settings: LoadSettings & { warmUpSeconds: number; transport: 'loopback HTTP' };
  environment: {
    node: string;
    platform: string;
    cpu: string;
    cpus: number;
    /** One-minute load average when the load runs began: other work on the machine skews the numbers. */
    loadAverage: number;
    database: BenchDatabase['server'];
  };
  seeded: BenchDatabase['seeded'];
  operations: OperationReport[];
}

export function environmentOf(database: BenchDatabase): BenchReport['environment'] {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
    database: database.server,
  };
}

export function failedRequests(operation: OperationReport): number {
  return operation.errors + operation.non2xx + operation.graphqlErrors;
}

const COLUMNS: { title: string; value: (operation: OperationReport) => string; alignLeft?: boolean }[] = [
  { title: 'Operation', value: (operation) => operation.operation, alignLeft: true },
  { title: 'Viewer', value: (operation) => operation.viewer, alignLeft: true },
  { title: 'Items', value: (operation) => String(operation.items) },
  { title: 'SQL', value: (operation) => String(operation.sqlStatements) },
  { title: 'Req/s', value: (operation) => operation.requestsPerSecond.toFixed(0) },
  { title: 'p50 ms', value: (operation) => operation.latencyMs.p50.toFixed(1) },
  { title: 'p95 ms', value: (operation) => operation.latencyMs.p95.toFixed(1) },
  { title: 'p99 ms', value: (operation) => operation.latencyMs.p99.toFixed(1) },
  { title: 'Errors', value: (operation) => String(operation.errors) },
  { title: 'Non-2xx', value: (operation) => String(operation.non2xx) },
  { title: 'GraphQL errors', value: (operation) => String(operation.graphqlErrors) },
];

export function formatTable(report: BenchReport): string {
  const { settings, environment, seeded } = report;
  const rows = [COLUMNS.map((column) => column.title), ...report.operations.map((operation) => COLUMNS.map((column) => column.value(operation)))];
  const widths = COLUMNS.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const line = (row: string[]) =>
    row.map((cell, index) => (COLUMNS[index]!.alignLeft ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return [
    `Analyst Pool API benchmark: ${settings.connections} connections, ${settings.durationSeconds} s per row ` +
      `after ${settings.warmUpSeconds} s warm-up, ${settings.transport}`,
    `${environment.node} on ${environment.platform}, ${environment.cpus} × ${environment.cpu}, load average ${environment.loadAverage} at start; ` +
      `PostgreSQL: ${environment.database}`,
    `Demo ICS: ${seeded.organisations} organisations, ${seeded.analysts} analysts, ${seeded.projects} projects, ${seeded.requests} requests`,
    '',
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
    '',
    'SQL: statements one execution sends, session lookup included. Errors: connection errors and timeouts.',
  ].join('\n');
}
