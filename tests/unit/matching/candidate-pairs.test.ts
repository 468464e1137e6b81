import { describe, expect, it } from 'vitest';
import { candidatePairs, SHORTLIST } from '../../../api/src/matching/candidate-pairs.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './support/input.ts';

const stats = (level: number) => [{ skillId: 'stats', level }];

// Three analysts, strongest first, and two requests: everyone is eligible for both.
const input = matchingInput({
  weekCount: 2,
  policy: DEFAULT_POLICY,
  organisations: [organisation({ id: 'pool' }), organisation({ id: 'trust' })],
  analysts: [
    analyst(2, { id: 'expert', organisationId: 'pool', skills: stats(4), capacity: [3, 3] }),
    analyst(2, { id: 'practitioner', organisationId: 'pool', skills: stats(3), capacity: [3, 0] }),
    analyst(2, { id: 'working', organisationId: 'pool', skills: stats(2), capacity: [3, 3], interestRequestIds: ['r2'] }),
  ],
  requests: [
    request({ id: 'r1', organisationId: 'trust', required: stats(2), fte: 5, endWeek: 1 }),
    request({ id: 'r2', organisationId: 'trust', required: stats(2), fte: 2, endWeek: 1 }),
  ],
});

describe('candidatePairs', () => {
  it('keeps every eligible pair of a small pool, bounded by span capacity and request FTE', () => {
    const pairs = candidatePairs(input, SHORTLIST);
    // Best first within each request (the working analyst asked for r2); the practitioner has no time in
    // week 1, so cannot take a two-week placement.
    expect(pairs.map((pair) => [pair.analyst.id, pair.request.id, pair.upper, pair.fteWeeksPerTenth])).toEqual([
      ['expert', 'r1', 3, 0.2],
      ['working', 'r1', 3, 0.2],
      ['working', 'r2', 2, 0.2],
      ['expert', 'r2', 2, 0.2],
    ]);
    expect(pairs.map((pair) => pair.index)).toEqual([0, 1, 2, 3]);
  });

  it('on a large pool keeps each request’s best candidates and each analyst’s best requests', () => {
    const pairs = candidatePairs(input, { keepAllUpTo: 0, standardPerRequest: 1, developmentPerRequest: 0, requestsPerAnalyst: 1 });
    // r1's best is the expert; r2's best is the working analyst, who asked for it; the expert's best
    // request (a tie, broken by request order) is r1, so nothing else is added.
    expect(pairs.map((pair) => `${pair.analyst.id}|${pair.request.id}`)).toEqual(['expert|r1', 'working|r2']);
  });
});
