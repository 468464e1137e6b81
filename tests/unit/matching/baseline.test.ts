import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { solveBaseline } from '../../../api/src/matching/baseline.ts';
import { computeMetrics } from '../../../api/src/matching/metrics.ts';
import type { MatchingInput } from '../../../api/src/matching/types.ts';
import { arbitraryInput } from './support/arbitrary-input.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './support/input.ts';

const WEEKS = 3;
const SQL = (level: number) => [{ skillId: 'sql', level }];
const ORGANISATIONS = [organisation({ id: 'home' }), organisation({ id: 'early', name: 'Early Trust' }), organisation({ id: 'late' })];

describe('first-come-first-served baseline', () => {
  it('serves the earlier submitted request first when they contend for one analyst', () => {
    const input = matchingInput({
      weekCount: WEEKS,
      organisations: ORGANISATIONS,
      analysts: [analyst(WEEKS, { id: 'only', organisationId: 'home', capacity: [5, 5, 5], skills: SQL(3) })],
      requests: [
        // Listed first but submitted a day later.
        request({ id: 'late-r', organisationId: 'late', required: SQL(2), fte: 4, endWeek: 2, submittedAt: '2026-11-02T09:00:00Z' }),
        request({ id: 'early-r', organisationId: 'early', required: SQL(2), fte: 4, endWeek: 2, submittedAt: '2026-11-01T09:00:00Z' }),
      ],
    });
    const { proposals, organisations } = solveBaseline(input);
    expect(proposals.map(({ requestId, fte }) => ({ requestId, fte }))).toEqual([
      { requestId: 'early-r', fte: 4 },
      { requestId: 'late-r', fte: 1 },
    ]);
    const satisfaction = Object.fromEntries(organisations.map((o) => [o.organisationId, o.satisfaction]));
    expect(satisfaction.early).toBeGreaterThan(satisfaction.late!);
    expect(proposals[0]!.explanation.fairness).toMatchObject({ organisationId: 'early', bound: 'DEMAND_MET' });
    expect(proposals[0]!.explanation.fairness.text).toMatch(/^First come, first served: Early Trust received 1\.2 of 1\.2 FTE-weeks/);
  });

  it('takes the best-fitting qualified analyst first and splits a request only when one is not enough', () => {
    const input = matchingInput({
      weekCount: WEEKS,
      organisations: ORGANISATIONS,
      analysts: [
        analyst(WEEKS, { id: 'working', organisationId: 'home', capacity: [5, 5, 5], skills: SQL(2) }),
        analyst(WEEKS, { id: 'expert', organisationId: 'home', capacity: [5, 5, 5], skills: SQL(4) }),
        analyst(WEEKS, { id: 'own-staff', organisationId: 'early', capacity: [5, 5, 5], skills: SQL(4) }),
      ],
      requests: [request({ id: 'r', organisationId: 'early', required: SQL(2), fte: 7, endWeek: 2 })],
    });
    const { proposals } = solveBaseline(input);
    expect(proposals.map(({ analystId, fte }) => ({ analystId, fte }))).toEqual([
      { analystId: 'expert', fte: 5 },
      { analystId: 'working', fte: 2 },
    ]);
    expect(proposals[0]!.explanation).toMatchObject({ rank: 1, candidateCount: 2, nextCandidate: { analystId: 'working' } });
    expect(proposals[0]!.explanation.nextCandidate!.reason).toBe('Also placed on this request.');
  });

  it('never places a development candidate, even on a request open to development', () => {
    const input = matchingInput({
      weekCount: WEEKS,
      organisations: ORGANISATIONS,
      analysts: [
        analyst(WEEKS, { id: 'learner', organisationId: 'home', skills: SQL(2), aspirations: SQL(3) }),
        analyst(WEEKS, { id: 'qualified', organisationId: 'home', skills: SQL(3) }),
      ],
      requests: [request({ id: 'r', organisationId: 'early', required: SQL(3), fte: 10, openToDevelopment: true })],
    });
    const { proposals, metrics } = solveBaseline(input);
    expect(proposals.map((p) => [p.analystId, p.kind])).toEqual([['qualified', 'STANDARD']]);
    expect(metrics.developmentPlacements).toBe(0);
  });

  it('respects the concurrency cap, counting requests the analyst is already booked on', () => {
    const input = matchingInput({
      weekCount: WEEKS,
      organisations: ORGANISATIONS,
      policy: { ...DEFAULT_POLICY, maxConcurrentRequests: 2 },
      analysts: [analyst(WEEKS, { id: 'busy', organisationId: 'home', capacity: [9, 9, 9], bookedRequestCount: [1, 0, 0] })],
      requests: [
        request({ id: 'r1', organisationId: 'early', fte: 2, startWeek: 0, endWeek: 2, submittedAt: '2026-11-01T09:00:00Z' }),
        request({ id: 'r2', organisationId: 'late', fte: 2, startWeek: 0, endWeek: 0, submittedAt: '2026-11-02T09:00:00Z' }),
        request({ id: 'r3', organisationId: 'late', fte: 2, startWeek: 1, endWeek: 2, submittedAt: '2026-11-03T09:00:00Z' }),
      ],
    });
    // r2 shares week 0 with the existing booking and r1; r3 overlaps only r1.
    expect(solveBaseline(input).proposals.map((p) => p.requestId)).toEqual(['r1', 'r3']);
  });

  test.prop([arbitraryInput], { numRuns: 300 })('never over capacity, never short of a must-have, never beyond the ask', (input) => {
    const result = solveBaseline(input);
    expect(result.metrics.overCapacity).toBe(0);
    expect(result.metrics.skillViolations).toBe(0);
    for (const request of input.requests) {
      const placed = result.proposals.filter((p) => p.requestId === request.id).reduce((sum, p) => sum + p.fte, 0);
      expect(placed).toBeLessThanOrEqual(request.fte);
    }
    expectConcurrencyCapHeld(input, result.proposals);
    expect(result.metrics).toEqual(computeMetrics(input, result.proposals, result.metrics.solveMs).metrics);
  });

  test.prop([arbitraryInput], { numRuns: 50 })('gives the same answer for the same input', (input) => {
    expect(solveBaseline(input).proposals).toEqual(solveBaseline(structuredClone(input)).proposals);
  });
});

function expectConcurrencyCapHeld(input: MatchingInput, proposals: { analystId: string; startWeek: number; endWeek: number }[]) {
  for (const a of input.analysts) {
    for (let week = 0; week < input.weekCount; week += 1) {
      const added = proposals.filter((p) => p.analystId === a.id && p.startWeek <= week && week <= p.endWeek).length;
      if (added > 0) expect(a.bookedRequestCount[week]! + added).toBeLessThanOrEqual(input.policy.maxConcurrentRequests);
    }
  }
}
