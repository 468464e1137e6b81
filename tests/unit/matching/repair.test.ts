import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { candidatePairs, EVERY_CANDIDATE, SHORTLIST } from '../../../api/src/matching/candidate-pairs.ts';
import { repairToTenths } from '../../../api/src/matching/repair.ts';
import type { MatchingInput } from '../../../api/src/matching/types.ts';
import { arbitraryInput } from './support/arbitrary-input.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './support/input.ts';

// The integral stage's rounding repair must be feasible whatever fractional answer it starts from.

function weeklyLoad(input: MatchingInput, pairs: ReturnType<typeof candidatePairs>, tenths: Int32Array) {
  const load = new Map(input.analysts.map((entry) => [entry.id, { tenths: new Array<number>(input.weekCount).fill(0), count: [...entry.bookedRequestCount] }]));
  pairs.forEach((pair, index) => {
    if (tenths[index]! === 0) return;
    const entry = load.get(pair.analyst.id)!;
    for (let week = pair.request.startWeek; week <= pair.request.endWeek; week += 1) {
      entry.tenths[week]! += tenths[index]!;
      entry.count[week]! += 1;
    }
  });
  return load;
}

describe('repairToTenths', () => {
  const startingPoint = arbitraryInput.chain((input) => {
    const pairs = candidatePairs(input, EVERY_CANDIDATE);
    return fc.record({
      input: fc.constant(input),
      values: fc.array(fc.double({ min: 0, max: 12, noNaN: true }), { minLength: pairs.length, maxLength: pairs.length }),
      level: fc.double({ min: 0, max: 5, noNaN: true }),
    });
  });

  test.prop([startingPoint], { numRuns: 150 })('is feasible from any fractional starting point', ({ input, values, level }) => {
    const pairs = candidatePairs(input, EVERY_CANDIDATE);
    const floors = input.organisations.map((entry, round) => ({ organisationId: entry.id, weight: 0.25, level, round }));
    const tenths = repairToTenths(pairs, input.policy, values, floors);
    const load = weeklyLoad(input, pairs, tenths);
    for (const entry of input.analysts) {
      const { tenths: booked, count } = load.get(entry.id)!;
      booked.forEach((value, week) => expect(value).toBeLessThanOrEqual(entry.capacity[week]!));
      count.forEach((value, week) => {
        if (value > entry.bookedRequestCount[week]!) expect(value).toBeLessThanOrEqual(input.policy.maxConcurrentRequests);
      });
    }
    for (const entry of input.requests) {
      const on = pairs.map((pair, index) => ({ pair, tenths: tenths[index]! })).filter(({ pair }) => pair.request.id === entry.id);
      const total = on.reduce((sum, { tenths: value }) => sum + value, 0);
      const development = on.filter(({ pair }) => pair.kind === 'DEVELOPMENT').reduce((sum, { tenths: value }) => sum + value, 0);
      expect(total).toBeLessThanOrEqual(entry.fte);
      expect(development).toBeLessThanOrEqual(Math.min(input.policy.developmentShareCap * entry.fte, total - development));
    }
  });

  it('keeps an integral answer, then fills the room left where the LP answer pointed', () => {
    const input = matchingInput({
      weekCount: 1,
      organisations: [organisation({ id: 'pool' }), organisation({ id: 'trust' })],
      analysts: [analyst(1, { id: 'a', organisationId: 'pool', capacity: [5] })],
      requests: [request({ id: 'r1', organisationId: 'trust', fte: 2 }), request({ id: 'r2', organisationId: 'trust', fte: 5 })],
    });
    const pairs = candidatePairs(input, SHORTLIST);
    expect([...repairToTenths(pairs, DEFAULT_POLICY, [2, 2.9999995], [])]).toEqual([2, 3]);
    expect([...repairToTenths(pairs, DEFAULT_POLICY, [0.4, 0.5], [])]).toEqual([0, 5]);
  });
});
