import { describe, expect, it } from 'vitest';
import { solveMatching } from '../../../api/src/matching/solve.ts';
import type { MatchingInput } from '../../../api/src/matching/types.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './support/input.ts';

// DESIGN §4's textbook case: one skill, equal weights, supply 10 FTE for a week, demands 2, 2.6, 4 and 5.

function waterFilling(demandsInTenths: number[], contributions: number[] = []): MatchingInput {
  const claimants = demandsInTenths.map((_, index) => `o${index}`);
  return matchingInput({
    weekCount: 1,
    policy: {
      ...DEFAULT_POLICY,
      ...(contributions.length > 0 ? { alpha: 0, beta: 1, gamma: 0 } : { alpha: 1, beta: 0, gamma: 0 }),
    },
    organisations: [
      ...claimants.map((id, index) => organisation({ id, contribution: contributions[index] ?? 0 })),
      organisation({ id: 'pool' }),
    ],
    analysts: Array.from({ length: 10 }, (_, index) => analyst(1, { id: `a${index}`, organisationId: 'pool', capacity: [10] })),
    requests: demandsInTenths.map((fte, index) => request({ id: `r${index}`, organisationId: claimants[index]!, fte })),
  });
}

const receivedOf = async (input: MatchingInput) =>
  Object.fromEntries((await solveMatching(input)).organisations.map((outcome) => [outcome.organisationId, outcome.received]));

describe('weighted water-filling', () => {
  it('gives 2, 2.6, 2.7 and 2.7 FTE-weeks for demands 2, 2.6, 4 and 5 from a supply of 10', async () => {
    const received = await receivedOf(waterFilling([20, 26, 40, 50]));
    expect(received.o0).toBeCloseTo(2, 6);
    expect(received.o1).toBeCloseTo(2.6, 6);
    expect(received.o2).toBeCloseTo(2.7, 6);
    expect(received.o3).toBeCloseTo(2.7, 6);
  });

  it('shares in proportion to weight when nobody’s demand is met', async () => {
    // Reciprocity weights 3 : 1, demands far above supply: 7.5 and 2.5 FTE-weeks.
    const received = await receivedOf(waterFilling([100, 100], [3, 1]));
    expect(received.o0).toBeCloseTo(7.5, 6);
    expect(received.o1).toBeCloseTo(2.5, 6);
  });

  it('meets every demand when supply allows', async () => {
    const received = await receivedOf(waterFilling([10, 20, 30]));
    expect([received.o0, received.o1, received.o2]).toEqual([1, 2, 3].map((value) => expect.closeTo(value, 6)));
  });
});
