import { parseArgs } from 'node:util';
import { DATASETS, type Dataset } from './datasets.ts';

export interface BenchOptions {
  /** Measured seconds per operation and viewer, after a one-second warm-up. */
  durationSeconds: number;
  connections: number;
  json: boolean;
  /** Only operations whose name contains this text (case-insensitive). */
  only: string | null;
  dataset: Dataset;
  /** Also the web client's other list queries, not only its five pages. */
  lists: boolean;
}

const USAGE = `Usage: npm run bench:api -- [--dataset demo|large] [--england] [--lists] [--duration <seconds>] [--connections <n>] [--only <text>] [--json]

  --dataset      demo: the demo ICS; large: one ICS of 600 analysts, 400 requests and a year of allocations (default)
  --england      the England dataset (42 ICSs, about 12,000 analysts) instead, checking the API's peak memory
  --lists        also the web client's other list queries (organisations, projects, requests, allocations, profile, utilisation)
  --duration     measured seconds per operation and viewer (1-120, default 5)
  --connections  concurrent HTTP connections (1-200, default 20)
  --only         run only the operations whose name contains this text
  --json         print one JSON document instead of a table (progress goes to stderr)`;

export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
  }
}

export function readOptions(args: string[] = process.argv.slice(2)): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      options: {
        dataset: { type: 'string', default: 'large' },
        england: { type: 'boolean', default: false },
        lists: { type: 'boolean', default: false },
        duration: { type: 'string', default: '5' },
        connections: { type: 'string', default: '20' },
        only: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.help) throw new UsageError('Benchmarks the GraphQL operations of the web client over loopback HTTP.');
  if (!(DATASETS as readonly string[]).includes(parsed.dataset)) throw new UsageError(`--dataset must be one of ${DATASETS.join(', ')}, not "${parsed.dataset}"`);
  return {
    durationSeconds: integerIn('--duration', parsed.duration, 1, 120),
    connections: integerIn('--connections', parsed.connections, 1, 200),
    json: parsed.json,
    only: parsed.only?.trim().toLowerCase() || null,
    dataset: parsed.england ? 'england' : (parsed.dataset as Dataset),
    lists: parsed.lists,
  };
}

function integerIn(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}
