import type fc from 'fast-check';

/**
 * fast-check settings of the fuzz tests: a new random seed each run, printed with any failing case;
 * FUZZ_SEED=<seed> replays that run.
 */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) };
}
