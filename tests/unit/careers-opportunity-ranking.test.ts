import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { assessEligibility, spanCapacity } from '../../api/src/matching/eligibility.ts';
import { rankOpportunities } from '../../api/src/services/careers/opportunity-ranking.ts';
import { arbitraryInput } from './matching/support/arbitrary-input.ts';

// Opportunities reuse the engine's eligibility: whatever the pool, an analyst is only offered work the
// engine could give them, within their free time and the development share cap.
describe('ranking an analyst’s opportunities', () => {
  test.prop([arbitraryInput, fc.nat()])('offers only eligible work within capacity, best first', (input, pick) => {
    fc.pre(input.analysts.length > 0);
    const analyst = input.analysts[pick % input.analysts.length]!;
    const excluded = new Set(input.requests.slice(0, 1).map((request) => request.id));
    const ranked = rankOpportunities(input, analyst.id, excluded);

    for (const opportunity of ranked) {
      const eligibility = assessEligibility(analyst, opportunity.request, input.policy);
      expect(eligibility.eligible && eligibility.kind).toBe(opportunity.kind);
      expect(excluded.has(opportunity.request.id)).toBe(false);
      expect(opportunity.availableFte).toBeGreaterThan(0);
      expect(opportunity.availableFte).toBeLessThanOrEqual(Math.min(spanCapacity(analyst, opportunity.request, input.policy), opportunity.request.fte));
      if (opportunity.kind === 'DEVELOPMENT') {
        expect(opportunity.availableFte).toBeLessThanOrEqual(Math.floor(opportunity.request.fte * input.policy.developmentShareCap));
        for (const mentor of opportunity.development!.mentors) {
          expect(mentor.analystId).not.toBe(analyst.id);
          const colleague = input.analysts.find((candidate) => candidate.id === mentor.analystId)!;
          expect(assessEligibility(colleague, opportunity.request, input.policy)).toMatchObject({ eligible: true, kind: 'STANDARD' });
        }
      }
      for (const growth of opportunity.grows) expect(growth.targetLevel).toBeGreaterThan(growth.level);
    }
    const scores = ranked.map((opportunity) => opportunity.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
