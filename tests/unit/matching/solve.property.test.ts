import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { countOverCapacity, countSkillViolations } from '../../../api/src/matching/safety.ts';
import { solveMatching } from '../../../api/src/matching/solve.ts';
import type { MatchingInput, MatchingResult } from '../../../api/src/matching/types.ts';
import { arbitraryInput } from './support/arbitrary-input.ts';

// Invariants of the engine on random small instances, checked from the input alone.

function requestsPerWeek(input: MatchingInput, result: MatchingResult, analystId: string): number[] {
  const analyst = input.analysts.find((entry) => entry.id === analystId)!;
  const counts = [...analyst.bookedRequestCount];
  for (const proposal of result.proposals.filter((entry) => entry.analystId === analystId)) {
    for (let week = proposal.startWeek; week <= proposal.endWeek; week += 1) counts[week]! += 1;
  }
  return counts;
}

/** The result without its timings, which are the only part allowed to differ between runs. */
function withoutTimings(result: MatchingResult) {
  return {
    proposals: result.proposals,
    organisations: result.organisations,
    metrics: { ...result.metrics, solveMs: 0 },
    solver: { ...result.solver, stages: result.solver.stages.map((stage) => stage.name), totalMs: 0 },
  };
}

describe('solveMatching on random small instances', () => {
  test.prop([arbitraryInput], { numRuns: 60 })('never over capacity, never a must-have violation outside the development rule', async (input) => {
    const result = await solveMatching(input);
    expect(countOverCapacity(input, result.proposals)).toBe(0);
    expect(countSkillViolations(input, result.proposals)).toBe(0);
    expect(result.metrics.overCapacity).toBe(0);
    expect(result.metrics.skillViolations).toBe(0);
  });

  test.prop([arbitraryInput], { numRuns: 60 })('places whole tenths, holds the concurrency cap and never exceeds a request', async (input) => {
    const result = await solveMatching(input);
    for (const proposal of result.proposals) {
      expect(Number.isInteger(proposal.fte)).toBe(true);
      expect(proposal.fte).toBeGreaterThan(0);
    }
    for (const analyst of input.analysts) {
      const counts = requestsPerWeek(input, result, analyst.id);
      counts.forEach((count, week) => {
        if (count > analyst.bookedRequestCount[week]!) expect(count).toBeLessThanOrEqual(input.policy.maxConcurrentRequests);
      });
    }
    for (const request of input.requests) {
      const placed = result.proposals.filter((proposal) => proposal.requestId === request.id);
      expect(placed.reduce((sum, proposal) => sum + proposal.fte, 0)).toBeLessThanOrEqual(request.fte);
      const development = placed.filter((proposal) => proposal.kind === 'DEVELOPMENT').reduce((sum, proposal) => sum + proposal.fte, 0);
      expect(development).toBeLessThanOrEqual(input.policy.developmentShareCap * request.fte);
      for (const proposal of placed) {
        expect([proposal.startWeek, proposal.endWeek]).toEqual([request.startWeek, request.endWeek]);
      }
    }
  });

  test.prop([arbitraryInput], { numRuns: 30 })('gives the same answer for the same input', async (input) => {
    const first = await solveMatching(input);
    const second = await solveMatching(structuredClone(input));
    expect(withoutTimings(second)).toEqual(withoutTimings(first));
  });

  test.prop([arbitraryInput], { numRuns: 30 })('explains every placement with its rank, skills and fairness bound', async (input) => {
    const result = await solveMatching(input);
    for (const proposal of result.proposals) {
      const { explanation } = proposal;
      expect(explanation.rank).toBeGreaterThanOrEqual(1);
      expect(explanation.rank).toBeLessThanOrEqual(explanation.candidateCount);
      expect(explanation.summary.length).toBeGreaterThan(0);
      expect(explanation.skills.filter((skill) => skill.kind === 'REQUIRED')).toHaveLength(
        input.requests.find((request) => request.id === proposal.requestId)!.required.length,
      );
      expect(explanation.fairness.organisationId).toBe(input.requests.find((request) => request.id === proposal.requestId)!.organisationId);
      if (proposal.kind === 'DEVELOPMENT') {
        expect(explanation.development?.mentorAnalystId).toBe(proposal.mentorAnalystId);
        const mentor = result.proposals.find((entry) => entry.requestId === proposal.requestId && entry.analystId === proposal.mentorAnalystId);
        expect(mentor?.kind).toBe('MENTOR');
        expect(mentor?.explanation.mentees).toContain(proposal.analystId);
      }
    }
  });
});
