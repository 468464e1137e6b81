import { countOverCapacity, countSkillViolations, lookupOf, partiesOf, type Placement } from './safety.ts';
import { matchScore, SCORE_WEIGHTS } from './scoring.ts';
import type { MatchingInput, OrganisationOutcome, RunMetrics } from './types.ts';
import { organisationWeights, requestFteWeeks } from './weights.ts';

// The run metrics of DESIGN §4, the same for the engine and the baseline, computed from the proposals and
// the input alone.

export interface MetricsReport {
  organisations: OrganisationOutcome[];
  metrics: RunMetrics;
}

export function computeMetrics(input: MatchingInput, proposals: readonly Placement[], solveMs: number): MetricsReport {
  const lookup = lookupOf(input);
  const placedByRequest = new Map<string, number>();
  let fitWeighted = 0;
  let placedFteWeeks = 0;
  for (const proposal of proposals) {
    const { analyst, request } = partiesOf(lookup, proposal);
    const weeks = Math.max(0, Math.min(proposal.endWeek, request.endWeek) - Math.max(proposal.startWeek, request.startWeek) + 1);
    const fteWeeks = (proposal.fte * weeks) / 10;
    placedByRequest.set(request.id, (placedByRequest.get(request.id) ?? 0) + fteWeeks);
    fitWeighted += fteWeeks * skillFit(matchScore(analyst, request).parts);
    placedFteWeeks += fteWeeks;
  }

  // What exceeds a request's own ask fulfils nothing, so each request counts at most its FTE-weeks.
  const receivedByOrganisation = new Map<string, number>();
  let requestedFteWeeks = 0;
  let matchedFteWeeks = 0;
  for (const request of input.requests) {
    const requested = requestFteWeeks(request);
    const matched = Math.min(requested, placedByRequest.get(request.id) ?? 0);
    requestedFteWeeks += requested;
    matchedFteWeeks += matched;
    receivedByOrganisation.set(request.organisationId, (receivedByOrganisation.get(request.organisationId) ?? 0) + matched);
  }

  const organisations = organisationWeights(input).organisations.map((share): OrganisationOutcome => {
    const received = receivedByOrganisation.get(share.organisationId) ?? 0;
    const fairClaim = Math.min(share.claim, share.entitlement);
    return { ...share, received, satisfaction: fairClaim > 0 ? Math.min(1, received / fairClaim) : 1 };
  });
  const satisfaction = organisations.map((organisation) => organisation.satisfaction);

  return {
    organisations,
    metrics: {
      requestedFteWeeks,
      matchedFteWeeks,
      fulfilment: requestedFteWeeks > 0 ? matchedFteWeeks / requestedFteWeeks : 1,
      minSatisfaction: satisfaction.length > 0 ? Math.min(...satisfaction) : 1,
      jain: jainIndex(satisfaction),
      gini: giniCoefficient(satisfaction),
      meanSkillFit: placedFteWeeks > 0 ? fitWeighted / placedFteWeeks : 0,
      developmentPlacements: proposals.filter((proposal) => proposal.kind === 'DEVELOPMENT').length,
      overCapacity: countOverCapacity(input, proposals),
      skillViolations: countSkillViolations(input, proposals),
      solveMs,
    },
  };
}

/** Skill fit of a placement, 0..1: the must-have and nice-to-have parts of the match score, in their weights. */
function skillFit(parts: { fit: number; desired: number }): number {
  return (SCORE_WEIGHTS.fit * parts.fit + SCORE_WEIGHTS.desired * parts.desired) / (SCORE_WEIGHTS.fit + SCORE_WEIGHTS.desired);
}

/** Jain's index (Σx)² / (n·Σx²): 1 when all are equal, 1/n when one has everything; 1 for no or all-zero values. */
export function jainIndex(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  const squares = values.reduce((total, value) => total + value * value, 0);
  return squares > 0 ? (sum * sum) / (values.length * squares) : 1;
}

/** Gini coefficient Σᵢ Σⱼ |xᵢ − xⱼ| / (2·n²·mean): 0 when all are equal; 0 for no or all-zero values. */
export function giniCoefficient(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  if (values.length === 0 || sum === 0) return 0;
  // Sorted ascending, Σ |xᵢ − xⱼ| over ordered pairs = 2·Σᵢ (2i − n + 1)·xᵢ (0-based i).
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((total, value, index) => total + (2 * index - sorted.length + 1) * value, 0);
  return weighted / (sorted.length * sum);
}
