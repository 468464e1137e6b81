import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWeeksTo } from '../../../api/src/domain/weeks.ts';
import { fairnessFigures, type FairnessData } from '../../../api/src/services/fairness/figures.ts';

// The fairness figures' invariants over any pool: shares add up, balances are what was given less what was
// received, and nothing outside the span counts.

const FIRST_MONDAY = new Date('2026-01-05T00:00:00Z');
const week = (offset: number) => addWeeksTo(FIRST_MONDAY, offset);
const SPAN = { startWeek: week(0), endWeek: week(11) };
const ORGANISATIONS = ['org-a', 'org-b', 'org-c', 'org-d'];

const weeks = fc.tuple(fc.integer({ min: -6, max: 16 }), fc.integer({ min: 0, max: 10 })).map(([start, length]) => ({
  startWeek: week(start),
  endWeek: week(start + length),
}));
const organisationId = fc.constantFrom(...ORGANISATIONS);
const tenths = (min: number, max: number) => fc.integer({ min, max }).map((value) => value / 10);

const data: fc.Arbitrary<FairnessData> = fc.record({
  policy: fc.constantFrom({ alpha: 0.4, beta: 0.4, gamma: 0.2 }, { alpha: 1, beta: 0, gamma: 0 }, { alpha: 0.2, beta: 0.3, gamma: 0.5 }),
  organisations: fc.constant(ORGANISATIONS.map((id, index) => ({ id, name: id, headcount: 100 * (index + 1) }))),
  analysts: fc.array(
    fc.record({
      id: fc.uuid(),
      organisationId,
      contractedFte: tenths(5, 10),
      pooledFte: tenths(0, 5),
      protectedDevelopmentShare: fc.constantFrom(0, 0.1, 0.2),
      availabilities: fc.array(fc.tuple(weeks, tenths(0, 10)).map(([span, availableFraction]) => ({ ...span, availableFraction })), { maxLength: 2 }),
    }),
    { maxLength: 8 },
  ),
  requests: fc.array(fc.tuple(fc.uuid(), organisationId, tenths(1, 10), weeks).map(([id, org, fte, span]) => ({ id, organisationId: org, fte, ...span })), {
    maxLength: 8,
  }),
  received: fc.array(fc.tuple(organisationId, tenths(1, 5), weeks).map(([org, fte, span]) => ({ organisationId: org, fte, ...span })), { maxLength: 8 }),
  creditIn: fc.dictionary(organisationId, tenths(0, 50)).map((credits) => new Map(Object.entries(credits))),
});

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('fairness figures', () => {
  it('share out the whole pool among the organisations that asked, by weights that add up to 1', () => {
    fc.assert(
      fc.property(data, (input) => {
        const { totalSupply, organisations } = fairnessFigures(input, SPAN);
        const claimants = organisations.filter((row) => row.claim > 0);
        expect(totalSupply).toBeCloseTo(sum(organisations.map((row) => row.contribution)), 2);
        for (const row of organisations.filter((candidate) => candidate.claim === 0)) {
          expect(row).toMatchObject({ weight: 0, entitlement: 0, satisfaction: null });
        }
        if (claimants.length > 0) {
          expect(sum(claimants.map((row) => row.weight))).toBeCloseTo(1, 4);
          expect(sum(claimants.map((row) => row.entitlement))).toBeCloseTo(totalSupply, 1);
        }
      }),
    );
  });

  it('balance what was given against what was received, and carry only a surplus', () => {
    fc.assert(
      fc.property(data, (input) => {
        for (const row of fairnessFigures(input, SPAN).organisations) {
          expect(row.balance).toBeCloseTo(row.contribution - row.received, 3);
          expect(row.creditCarried).toBe(Math.max(0, row.balance));
          expect(row.creditIn).toBe(input.creditIn.get(row.organisationId) ?? 0);
          if (row.satisfaction !== null) {
            expect(row.satisfaction).toBeGreaterThanOrEqual(0);
            expect(row.satisfaction).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('count nothing that lies wholly outside the span', () => {
    fc.assert(
      fc.property(data, (input) => {
        const outside = { startWeek: week(20), endWeek: week(30) };
        const padded: FairnessData = {
          ...input,
          requests: [...input.requests, { id: 'late-request', organisationId: 'org-a', fte: 1, ...outside }],
          received: [...input.received, { organisationId: 'org-b', fte: 1, ...outside }],
        };
        expect(fairnessFigures(padded, SPAN)).toEqual(fairnessFigures(input, SPAN));
      }),
    );
  });
});
