import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { candidatePairs, EVERY_CANDIDATE, type Pair, type PairLimits } from '../../../api/src/matching/candidate-pairs.ts';
import { loadHighs } from '../../../api/src/matching/highs-model.ts';
import { enginePairs, maxVolumeModel } from '../../../api/src/matching/pricing.ts';
import { rankedCandidatesByRequest } from '../../../api/src/matching/ranking.ts';
import type { MatchingInput } from '../../../api/src/matching/types.ts';
import { arbitraryInput } from './support/arbitrary-input.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './support/input.ts';

// A shortlist of one candidate per request and one request per analyst, applied whatever the pool size.
const TINY_SHORTLIST: PairLimits = { keepAllUpTo: 0, standardPerRequest: 1, developmentPerRequest: 0, requestsPerAnalyst: 1 };

const highs = await loadHighs();
const keyOf = (pair: Pair) => `${pair.analyst.id}|${pair.request.id}`;

function mostFteWeeks(input: MatchingInput, pairs: Pair[]): number {
  const { model } = maxVolumeModel(highs, pairs, input);
  try {
    model.run();
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

const stats = (level: number) => [{ skillId: 'stats', level }];

describe('enginePairs', () => {
  it('prices in the pair that matches more time than the shortlist can', () => {
    // The shortlist keeps expert|r1 and working|r2; the working analyst's spare tenth can still go to r1.
    const input = matchingInput({
      weekCount: 1,
      policy: DEFAULT_POLICY,
      organisations: [organisation({ id: 'pool' }), organisation({ id: 'trust' })],
      analysts: [
        analyst(1, { id: 'expert', organisationId: 'pool', skills: stats(4), capacity: [3] }),
        analyst(1, { id: 'working', organisationId: 'pool', skills: stats(2), capacity: [3], interestRequestIds: ['r2'] }),
      ],
      requests: [
        request({ id: 'r1', organisationId: 'trust', required: stats(2), fte: 5, endWeek: 0 }),
        request({ id: 'r2', organisationId: 'trust', required: stats(2), fte: 2, endWeek: 0 }),
      ],
    });
    const ranked = rankedCandidatesByRequest(input);
    const shortlist = candidatePairs(input, TINY_SHORTLIST, ranked);
    const { pairs } = enginePairs(highs, input, ranked, TINY_SHORTLIST);
    expect(shortlist.map(keyOf)).toEqual(['expert|r1', 'working|r2']);
    expect(pairs.map(keyOf)).toContain('working|r1');
    expect(mostFteWeeks(input, pairs)).toBeCloseTo(0.6, 9);
    expect(mostFteWeeks(input, shortlist)).toBeCloseTo(0.5, 9);
  });

  test.prop([arbitraryInput], { numRuns: 80 })('returns eligible pairs, numbered in order, matching at least what the shortlist can', (input) => {
    const ranked = rankedCandidatesByRequest(input);
    const every = candidatePairs(input, EVERY_CANDIDATE, ranked).map(keyOf);
    const shortlist = candidatePairs(input, TINY_SHORTLIST, ranked);
    const { pairs } = enginePairs(highs, input, ranked, TINY_SHORTLIST);
    expect(pairs.map((pair) => pair.index)).toEqual(pairs.map((_, index) => index));
    expect(pairs.map(keyOf)).toEqual(every.filter((key) => pairs.some((pair) => keyOf(pair) === key)));
    expect(mostFteWeeks(input, pairs)).toBeGreaterThanOrEqual(mostFteWeeks(input, shortlist) - 1e-6);
    expect(enginePairs(highs, input, ranked, TINY_SHORTLIST).pairs.map(keyOf)).toEqual(pairs.map(keyOf));
  });
});
