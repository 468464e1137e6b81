import { performance } from 'node:perf_hooks';
import { spanCapacity } from './eligibility.ts';
import { computeMetrics } from './metrics.ts';
import { rankedCandidatesByRequest, type RankedCandidate } from './ranking.ts';
import type { Placement } from './safety.ts';
import type { AnalystInput, Explanation, MatchingInput, MatchingResult, OrganisationOutcome, Proposal, RequestInput } from './types.ts';

// The first-come-first-served baseline that today's resource tools amount to, for comparison only:
// requests in submission order, each filled from its best-fitting qualified analysts while their capacity
// and the concurrency cap allow. No fairness across organisations and no development placements.

interface GreedyPlacement extends Placement {
  candidate: RankedCandidate;
  /** Qualified candidates for the request in rank order (development candidates are never placed). */
  candidates: RankedCandidate[];
  /** Whether each candidate could still take time on the request when it was served. */
  hadCapacity: Map<string, boolean>;
}

export function solveBaseline(input: MatchingInput): MatchingResult {
  const started = performance.now();
  const placements = greedyPlacements(input);
  const solveMs = performance.now() - started;

  const { organisations, metrics } = computeMetrics(input, placements, solveMs);
  const outcomes = new Map(organisations.map((outcome) => [outcome.organisationId, outcome]));
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const placed = new Set(placements.map((placement) => `${placement.analystId}|${placement.requestId}`));
  const names = new Map(input.organisations.map((organisation) => [organisation.id, organisation.name]));
  const proposals = placements.map(({ candidate, candidates, hadCapacity, ...placement }): Proposal => {
    const request = requests.get(placement.requestId)!;
    return {
      ...placement,
      explanation: explain(placement, candidate, candidates, hadCapacity, placed, outcomes.get(request.organisationId)!, names.get(request.organisationId)!),
    };
  });
  return {
    proposals,
    organisations,
    metrics,
    solver: { lpSolves: 0, mipSolves: 0, variables: 0, constraints: 0, stages: [{ name: 'greedy', ms: solveMs }], totalMs: solveMs },
  };
}

function greedyPlacements(input: MatchingInput): GreedyPlacement[] {
  const ranked = rankedCandidatesByRequest(input);
  // Working copies: capacity and concurrency fall as the greedy books analysts.
  const analysts = new Map<string, AnalystInput>(
    input.analysts.map((analyst) => [
      analyst.id,
      { ...analyst, capacity: [...analyst.capacity], bookedRequestCount: [...analyst.bookedRequestCount] },
    ]),
  );
  const placements: GreedyPlacement[] = [];
  for (const request of inSubmissionOrder(input.requests)) {
    const candidates = (ranked.get(request.id) ?? []).filter((candidate) => candidate.kind === 'STANDARD');
    const hadCapacity = new Map<string, boolean>();
    let remaining = request.fte;
    for (const candidate of candidates) {
      const analyst = analysts.get(candidate.analystId)!;
      const available = spanCapacity(analyst, request, input.policy);
      hadCapacity.set(analyst.id, available > 0);
      const fte = Math.min(remaining, available);
      if (fte <= 0) continue;
      book(analyst, request, fte);
      remaining -= fte;
      placements.push({
        analystId: analyst.id,
        requestId: request.id,
        fte,
        startWeek: request.startWeek,
        endWeek: request.endWeek,
        kind: 'STANDARD',
        mentorAnalystId: null,
        candidate,
        candidates,
        hadCapacity,
      });
      if (remaining === 0) break;
    }
  }
  return placements;
}

/** Earliest submission first; equal timestamps keep input order (the sort is stable). */
function inSubmissionOrder(requests: readonly RequestInput[]): RequestInput[] {
  return [...requests].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
}

function book(analyst: AnalystInput, request: RequestInput, fte: number): void {
  for (let week = request.startWeek; week <= request.endWeek; week += 1) {
    analyst.capacity[week]! -= fte;
    analyst.bookedRequestCount[week]! += 1;
  }
}

function explain(
  placement: Placement,
  candidate: RankedCandidate,
  candidates: RankedCandidate[],
  hadCapacity: Map<string, boolean>,
  placed: Set<string>,
  outcome: OrganisationOutcome,
  organisationName: string,
): Explanation {
  const rank = candidates.indexOf(candidate) + 1;
  const next = candidates[rank];
  const fteText = (placement.fte / 10).toFixed(1);
  const fairnessText =
    `First come, first served: ${organisationName} received ${outcome.received.toFixed(1)} of ` +
    `${outcome.claim.toFixed(1)} FTE-weeks requested (fair share ${outcome.entitlement.toFixed(1)}).`;
  return {
    summary:
      `${fteText} FTE for weeks ${placement.startWeek + 1}–${placement.endWeek + 1}: best remaining fit (rank ${rank} of ` +
      `${candidates.length}) when the request was served in submission order.`,
    skills: candidate.match.skills,
    score: candidate.match.score,
    rank,
    candidateCount: candidates.length,
    nextCandidate: next
      ? { analystId: next.analystId, score: next.match.score, reason: nextReason(next, placement.requestId, hadCapacity, placed) }
      : null,
    fairness: {
      organisationId: outcome.organisationId,
      weight: outcome.weight,
      entitlement: outcome.entitlement,
      claim: outcome.claim,
      received: outcome.received,
      bound: outcome.received >= outcome.claim - 1e-9 ? 'DEMAND_MET' : 'SKILL_BOTTLENECK',
      text: fairnessText,
    },
    development: null,
    mentees: [],
    interest: candidate.match.interest,
    continuity: candidate.match.continuity,
  };
}

function nextReason(next: RankedCandidate, requestId: string, hadCapacity: Map<string, boolean>, placed: Set<string>): string {
  if (placed.has(`${next.analystId}|${requestId}`)) return 'Also placed on this request.';
  if (hadCapacity.get(next.analystId) === false) return 'No free capacity across the request’s weeks when it was served.';
  return `Lower match score (${next.match.score.toFixed(2)}); the request was filled before their turn.`;
}
