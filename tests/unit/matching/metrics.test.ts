import { describe, expect, it } from 'vitest';
import { computeMetrics, giniCoefficient, jainIndex } from '../../../api/src/matching/metrics.ts';
import { requiredSkillValue, SCORE_WEIGHTS } from '../../../api/src/matching/scoring.ts';
import type { Explanation, Proposal } from '../../../api/src/matching/types.ts';
import { analyst, matchingInput, organisation, request } from './support/input.ts';

const WEEKS = 2;
const S = [{ skillId: 'S', level: 3 }];

// Home organisation H lends three analysts to A and B (equal weights: nobody contributes or needs).
const input = matchingInput({
  weekCount: WEEKS,
  organisations: [organisation({ id: 'A' }), organisation({ id: 'B' }), organisation({ id: 'H' })],
  analysts: [
    analyst(WEEKS, { id: 'x', organisationId: 'H', capacity: [5, 5], skills: [{ skillId: 'S', level: 3 }] }),
    analyst(WEEKS, {
      id: 'y',
      organisationId: 'H',
      capacity: [5, 5],
      skills: [{ skillId: 'S', level: 2 }],
      aspirations: [{ skillId: 'S', level: 3 }],
    }),
    analyst(WEEKS, { id: 'z', organisationId: 'H', capacity: [3, 3], skills: [{ skillId: 'S', level: 4 }] }),
  ],
  requests: [
    request({ id: 'rA', organisationId: 'A', required: S, fte: 10, startWeek: 0, endWeek: 1, openToDevelopment: true }),
    request({ id: 'rB', organisationId: 'B', required: S, fte: 4, startWeek: 0, endWeek: 1 }),
  ],
});

const EXPLANATION = {} as Explanation;
function proposal(fields: Partial<Proposal> & Pick<Proposal, 'analystId' | 'requestId' | 'fte'>): Proposal {
  return { startWeek: 0, endWeek: 1, kind: 'STANDARD', mentorAnalystId: null, explanation: EXPLANATION, ...fields };
}

const mentor = proposal({ analystId: 'x', requestId: 'rA', fte: 5 });
const mentee = proposal({ analystId: 'y', requestId: 'rA', fte: 5, kind: 'DEVELOPMENT', mentorAnalystId: 'x' });
const onB = proposal({ analystId: 'z', requestId: 'rB', fte: 3 });
const valid = [mentor, mentee, onB];

describe('run metrics', () => {
  const { organisations, metrics } = computeMetrics(input, valid, 12);

  it('reports entitlement, claim, received and satisfaction per organisation with demand', () => {
    // T = 2.6 FTE-weeks, weights ½ each → E = 1.3; claims 2.0 and 0.8; received 2.0 and 0.6.
    expect(organisations).toEqual([
      { organisationId: 'A', weight: 0.5, entitlement: 1.3, claim: 2, received: 2, satisfaction: 1 },
      { organisationId: 'B', weight: 0.5, entitlement: 1.3, claim: 0.8, received: expect.closeTo(0.6, 10), satisfaction: expect.closeTo(0.75, 10) },
    ]);
  });

  it('computes fulfilment, fairness indexes and counts from the hand-worked example', () => {
    expect(metrics.requestedFteWeeks).toBeCloseTo(2.8, 10);
    expect(metrics.matchedFteWeeks).toBeCloseTo(2.6, 10);
    expect(metrics.fulfilment).toBeCloseTo(2.6 / 2.8, 10);
    expect(metrics.minSatisfaction).toBeCloseTo(0.75, 10);
    expect(metrics.jain).toBeCloseTo(1.75 ** 2 / (2 * (1 + 0.75 ** 2)), 10); // 0.98
    expect(metrics.gini).toBeCloseTo(0.25 / 3.5, 10); // 2·|1 − 0.75| / (2·2²·0.875)
    expect(metrics.developmentPlacements).toBe(1);
    expect(metrics.overCapacity).toBe(0);
    expect(metrics.skillViolations).toBe(0);
    expect(metrics.solveMs).toBe(12);
  });

  it('weights skill fit by placed FTE-weeks', () => {
    const fit = (required: number) => (SCORE_WEIGHTS.fit * required + SCORE_WEIGHTS.desired) / (SCORE_WEIGHTS.fit + SCORE_WEIGHTS.desired);
    // x meets level 3, y is a level short (development), z is above it; 1.0, 1.0 and 0.6 FTE-weeks.
    const expected = (1 * fit(requiredSkillValue(3, 3)) + 1 * fit(0) + 0.6 * fit(requiredSkillValue(4, 3))) / 2.6;
    expect(metrics.meanSkillFit).toBeCloseTo(expected, 10);
    expect(metrics.meanSkillFit).toBeGreaterThan(0);
    expect(metrics.meanSkillFit).toBeLessThan(1);
  });

  it('counts no more than a request asked for as received', () => {
    const overAsked = computeMetrics(input, [...valid, proposal({ analystId: 'x', requestId: 'rB', fte: 5 })], 0);
    expect(overAsked.organisations[1]!.received).toBeCloseTo(0.8, 10);
    expect(overAsked.metrics.matchedFteWeeks).toBeCloseTo(2.8, 10);
  });

  it('reports an empty run as trivially fair', () => {
    const empty = computeMetrics({ ...input, requests: [] }, [], 0);
    expect(empty.organisations).toEqual([]);
    expect(empty.metrics).toMatchObject({ fulfilment: 1, minSatisfaction: 1, jain: 1, gini: 0, meanSkillFit: 0 });
  });

  it('refuses a proposal naming an analyst or request that is not in the input', () => {
    expect(() => computeMetrics(input, [proposal({ analystId: 'ghost', requestId: 'rA', fte: 1 })], 0)).toThrow(/unknown analyst ghost/);
    expect(() => computeMetrics(input, [proposal({ analystId: 'x', requestId: 'r?', fte: 1 })], 0)).toThrow(/unknown request r\?/);
  });
});

describe('over capacity', () => {
  const overCapacity = (proposals: Proposal[]) => computeMetrics(input, proposals, 0).metrics.overCapacity;

  it('counts an analyst booked above capacity in a single week, once however many weeks', () => {
    expect(overCapacity([...valid, proposal({ analystId: 'z', requestId: 'rA', fte: 1, startWeek: 1, endWeek: 1 })])).toBe(1);
    expect(overCapacity([proposal({ analystId: 'x', requestId: 'rB', fte: 6 })])).toBe(1);
    expect(overCapacity([proposal({ analystId: 'x', requestId: 'rB', fte: 6 }), proposal({ analystId: 'z', requestId: 'rB', fte: 4 })])).toBe(2);
  });

  it('allows an analyst exactly at capacity, spread over requests', () => {
    expect(overCapacity([proposal({ analystId: 'z', requestId: 'rA', fte: 2 }), proposal({ analystId: 'z', requestId: 'rB', fte: 1 })])).toBe(0);
  });
});

describe('skill violations', () => {
  const violations = (proposals: Proposal[], override = input) => computeMetrics(override, proposals, 0).metrics.skillViolations;

  it('flags a short analyst placed as STANDARD', () => {
    expect(violations([mentor, { ...mentee, kind: 'STANDARD', mentorAnalystId: null }])).toBe(1);
  });

  it('flags a development placement without a qualified mentor on the same request', () => {
    expect(violations([mentor, { ...mentee, mentorAnalystId: null }])).toBe(1);
    expect(violations([onB, { ...mentee, mentorAnalystId: 'z' }])).toBe(1);
  });

  it('flags a development placement on a request closed to development', () => {
    const closed = { ...input, requests: input.requests.map((r) => ({ ...r, openToDevelopment: false })) };
    expect(violations(valid, closed)).toBe(1);
  });

  it('flags a development placement the analyst does not aspire to, or two levels short', () => {
    const noAspiration = { ...input, analysts: input.analysts.map((a) => (a.id === 'y' ? { ...a, aspirations: [] } : a)) };
    expect(violations(valid, noAspiration)).toBe(1);
    const twoShort = { ...input, analysts: input.analysts.map((a) => (a.id === 'y' ? { ...a, skills: [{ skillId: 'S', level: 1 }] } : a)) };
    expect(violations(valid, twoShort)).toBe(1);
  });

  it('flags development placements above the share cap of the request', () => {
    expect(violations([mentor, { ...mentee, fte: 6 }])).toBe(1);
  });
});

describe('fairness indexes', () => {
  it('Jain: 1 when even, 1/n when one organisation has everything', () => {
    expect(jainIndex([0.5, 0.5, 0.5])).toBeCloseTo(1, 10);
    expect(jainIndex([1, 0, 0, 0])).toBeCloseTo(0.25, 10);
    expect(jainIndex([])).toBe(1);
  });

  it('Gini: 0 when even, (n − 1)/n when one organisation has everything', () => {
    expect(giniCoefficient([0.7, 0.7])).toBe(0);
    expect(giniCoefficient([0, 0, 1, 0])).toBeCloseTo(0.75, 10);
    expect(giniCoefficient([0, 0])).toBe(0);
  });
});
