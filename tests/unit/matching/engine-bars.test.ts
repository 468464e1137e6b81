import { beforeAll, describe, expect, it } from 'vitest';
import { solveBaseline } from '../../../api/src/matching/baseline.ts';
import { solveMatching, solveMaxFulfilment } from '../../../api/src/matching/solve.ts';
import type { MatchingResult } from '../../../api/src/matching/types.ts';
import { FAMILIES, generateIcs } from '../../bench/matching/scenarios.ts';

// The quality bars of DESIGN §7 on small instances of every benchmark family (the benchmark checks them at
// full size): safe, fairer than first come first served, and close to the most the pool could deliver.

const SMALL = { analysts: 40, requests: 20, weeks: 8, organisations: 6 };
const SEED = 11;

describe.each(FAMILIES)('engine against the baseline on a small %s scenario', { timeout: 60_000 }, (family) => {
  const input = generateIcs(family, SMALL, SEED);
  const baseline = solveBaseline(input);
  let engine: MatchingResult;
  let maxFteWeeks: number;
  beforeAll(async () => {
    [engine, maxFteWeeks] = await Promise.all([solveMatching(input), solveMaxFulfilment(input)]);
  });

  it('never books an analyst over capacity or short of a must-have skill', () => {
    expect(engine.metrics).toMatchObject({ overCapacity: 0, skillViolations: 0 });
    expect(baseline.metrics).toMatchObject({ overCapacity: 0, skillViolations: 0 });
  });

  it('is at least as fair as first come first served on minimum satisfaction and Jain’s index', () => {
    const { minSatisfaction, jain } = engine.metrics;
    expect(minSatisfaction, 'minimum satisfaction').toBeGreaterThanOrEqual(baseline.metrics.minSatisfaction - 1e-9);
    expect(jain, 'Jain’s index').toBeGreaterThanOrEqual(baseline.metrics.jain - 1e-9);
    if (family === 'dominant-partner') expect(minSatisfaction, 'minimum satisfaction').toBeGreaterThan(baseline.metrics.minSatisfaction);
  });

  it('matches at least 97 % of the FTE-weeks the pool could deliver without fairness', () => {
    expect(maxFteWeeks).toBeGreaterThan(0);
    const share = engine.metrics.matchedFteWeeks / maxFteWeeks;
    expect(share, `engine matched ${engine.metrics.matchedFteWeeks.toFixed(1)} of at most ${maxFteWeeks.toFixed(1)} FTE-weeks`).toBeGreaterThanOrEqual(0.97 - 1e-9);
  });
});
