import { describe, expect, it } from 'vitest';
import { organisationWeights, requestFteWeeks } from '../../../api/src/matching/weights.ts';
import { analyst, matchingInput, organisation, request } from './support/input.ts';

const WEEKS = 4;

describe('organisation weights and entitlements', () => {
  const input = matchingInput({
    weekCount: WEEKS,
    analysts: [
      analyst(WEEKS, { id: 'a1', organisationId: 'D', capacity: [5, 5, 5, 5] }),
      analyst(WEEKS, { id: 'a2', organisationId: 'D', capacity: [10, 0, 10, 10] }),
    ],
    organisations: [
      organisation({ id: 'A', contribution: 30, credit: 10, need: 1 }),
      organisation({ id: 'B', contribution: 60, need: 1 }),
      organisation({ id: 'C', contribution: 0, need: 2 }),
      organisation({ id: 'D', contribution: 100, need: 5 }),
    ],
    requests: [
      request({ id: 'r1', organisationId: 'A', fte: 5, startWeek: 0, endWeek: 3 }),
      request({ id: 'r2', organisationId: 'A', fte: 3, startWeek: 1, endWeek: 1 }),
      request({ id: 'r3', organisationId: 'B', fte: 10, startWeek: 0, endWeek: 1 }),
      request({ id: 'r4', organisationId: 'C', fte: 2, startWeek: 2, endWeek: 3 }),
      request({ id: 'r5', organisationId: 'D', fte: 0, startWeek: 0, endWeek: 3 }),
    ],
  });
  const shares = organisationWeights(input);

  it('counts the supply of every analyst and week in FTE-weeks', () => {
    expect(shares.totalSupply).toBeCloseTo(5, 10);
  });

  it('weighs only organisations with demand, by equal share, contribution plus credit, and need', () => {
    // N = 3; contributions 40 (30 + 10 credit), 60, 0 of 100; needs 1, 1, 2 of 4.
    expect(shares.organisations.map((share) => share.organisationId)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = shares.organisations;
    expect(a!.weight).toBeCloseTo(0.4 / 3 + 0.4 * 0.4 + 0.2 * 0.25, 10);
    expect(b!.weight).toBeCloseTo(0.4 / 3 + 0.4 * 0.6 + 0.2 * 0.25, 10);
    expect(c!.weight).toBeCloseTo(0.4 / 3 + 0 + 0.2 * 0.5, 10);
    expect(a!.weight + b!.weight + c!.weight).toBeCloseTo(1, 10);
  });

  it('claims requested FTE-weeks and entitles weight × supply', () => {
    expect(shares.organisations.map((share) => share.claim)).toEqual([2.3, 2, 0.4].map((v) => expect.closeTo(v, 10)));
    for (const share of shares.organisations) expect(share.entitlement).toBeCloseTo(share.weight * 5, 10);
    expect(shares.organisations[0]!.entitlement).toBeCloseTo(1.716667, 5);
  });

  it('raises the weight of an organisation that carries credit over', () => {
    const withoutCredit = organisationWeights({
      ...input,
      organisations: input.organisations.map((o) => (o.id === 'A' ? { ...o, credit: 0 } : o)),
    });
    expect(shares.organisations[0]!.weight).toBeGreaterThan(withoutCredit.organisations[0]!.weight);
  });

  it('splits the reciprocity and need weights equally when nobody contributes or needs', () => {
    const even = organisationWeights({
      ...input,
      organisations: input.organisations.map((o) => ({ ...o, contribution: 0, credit: 0, need: 0 })),
    });
    for (const share of even.organisations) expect(share.weight).toBeCloseTo(1 / 3, 10);
  });

  it('refuses a request from an organisation missing from the input', () => {
    expect(() =>
      organisationWeights({ ...input, requests: [...input.requests, request({ id: 'r9', organisationId: 'Z' })] }),
    ).toThrow(/Z is not among the input organisations/);
  });
});

describe('request FTE-weeks', () => {
  it('multiplies tenths by the inclusive week span', () => {
    expect(requestFteWeeks({ fte: 3, startWeek: 2, endWeek: 5 })).toBeCloseTo(1.2, 10);
    expect(requestFteWeeks({ fte: 3, startWeek: 5, endWeek: 4 })).toBe(0);
  });
});
