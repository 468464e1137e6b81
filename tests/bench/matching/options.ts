import { parseArgs } from 'node:util';

export interface BenchOptions {
  json: boolean;
  /** Only scenarios whose name contains this text (case-insensitive). */
  only: string | null;
  /** Solves per scenario; the report gives the median time. */
  runs: number;
  skipEngland: boolean;
  seed: number;
}

const USAGE = `Usage: npm run bench -- [--only <text>] [--runs <n>] [--skip-england] [--seed <n>] [--json]

  --only          run only the scenarios whose name contains this text
  --runs          solves per scenario, the median time is reported (1-50, default 3)
  --skip-england  leave out the 42-ICS England scenario (the slowest)
  --seed          seed of the generated scenarios (default 1)
  --json          print one JSON document instead of a table (progress goes to stderr)`;

const FLAGS = {
  only: { type: 'string' },
  runs: { type: 'string', default: '3' },
  'skip-england': { type: 'boolean', default: false },
  seed: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** A mistake on the command line; its message ends with the usage. */
export function usageError(problem: string): Error {
  return Object.assign(new Error(`${problem}\n\n${USAGE}`), { name: 'UsageError' });
}

export function readOptions(args: string[] = process.argv.slice(2)): BenchOptions {
  const flags = parseFlags(args);
  if (flags.help) throw usageError('Benchmarks the fair matching engine against the first-come-first-served baseline.');
  return {
    json: flags.json,
    only: flags.only?.trim().toLowerCase() || null,
    runs: wholeNumber('--runs', flags.runs, 1, 50),
    skipEngland: flags['skip-england'],
    seed: wholeNumber('--seed', flags.seed, 0, 2 ** 31 - 1),
  };
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, strict: true, options: FLAGS }).values;
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw usageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
}
