import type { AnalystInput, MatchingPolicy, RankingInput, RequestInput } from './types.ts';

// Who may do a request (DESIGN §4). An analyst is STANDARD-eligible when every must-have skill meets its
// minimum level. On a request open to development, an analyst exactly one level short on exactly one
// must-have skill, which they aspire to grow beyond their current level, is a DEVELOPMENT candidate.

export type EligibilityKind = 'STANDARD' | 'DEVELOPMENT';

/** The must-have skill a development candidate is one level short on. */
export interface DevelopmentGap {
  skillId: string;
  analystLevel: number;
  requiredLevel: number;
  targetLevel: number;
}

export type IneligibleReason = 'SKILLS' | 'HOME_ORGANISATION' | 'NO_CAPACITY';

export type Eligibility =
  | { eligible: true; kind: EligibilityKind; development: DevelopmentGap | null }
  | { eligible: false; reason: IneligibleReason };

export interface Candidate {
  analystId: string;
  requestId: string;
  kind: EligibilityKind;
  development: DevelopmentGap | null;
}

/** The analyst's level in a skill; 0 when they do not hold it. */
export function levelOf(analyst: AnalystInput, skillId: string): number {
  return analyst.skills.find((skill) => skill.skillId === skillId)?.level ?? 0;
}

function aspirationOf(analyst: AnalystInput, skillId: string): number {
  return analyst.aspirations.find((aspiration) => aspiration.skillId === skillId)?.level ?? 0;
}

/** STANDARD when every must-have skill is met; DEVELOPMENT per the rule above; null otherwise. */
export function skillEligibility(
  analyst: AnalystInput,
  request: RequestInput,
): { kind: EligibilityKind; development: DevelopmentGap | null } | null {
  const short = request.required.filter((skill) => levelOf(analyst, skill.skillId) < skill.level);
  if (short.length === 0) return { kind: 'STANDARD', development: null };
  const [gap] = short;
  if (!request.openToDevelopment || short.length > 1 || gap === undefined) return null;
  const analystLevel = levelOf(analyst, gap.skillId);
  const targetLevel = aspirationOf(analyst, gap.skillId);
  if (analystLevel !== gap.level - 1 || targetLevel <= analystLevel) return null;
  return {
    kind: 'DEVELOPMENT',
    development: { skillId: gap.skillId, analystLevel, requiredLevel: gap.level, targetLevel },
  };
}

/** Whether the analyst has any allocatable time in some week of the request. */
function hasCapacityDuring(analyst: AnalystInput, request: RequestInput): boolean {
  for (let week = request.startWeek; week <= request.endWeek; week += 1) {
    if ((analyst.capacity[week] ?? 0) > 0) return true;
  }
  return false;
}

/**
 * The most the analyst can take on for every week of the request: the least capacity over its weeks,
 * or 0 when the analyst already works on the maximum number of requests in one of them. Placements
 * span the request's whole weeks, so this bounds any single placement.
 */
export function spanCapacity(analyst: AnalystInput, request: RequestInput, policy: MatchingPolicy): number {
  let least = Number.POSITIVE_INFINITY;
  for (let week = request.startWeek; week <= request.endWeek; week += 1) {
    if ((analyst.bookedRequestCount[week] ?? 0) >= policy.maxConcurrentRequests) return 0;
    least = Math.min(least, analyst.capacity[week] ?? 0);
  }
  return Number.isFinite(least) ? least : 0;
}

export function assessEligibility(analyst: AnalystInput, request: RequestInput, policy: MatchingPolicy): Eligibility {
  if (!policy.homeRequestsDrawOnPool && analyst.organisationId === request.organisationId) {
    return { eligible: false, reason: 'HOME_ORGANISATION' };
  }
  const skills = skillEligibility(analyst, request);
  if (skills === null) return { eligible: false, reason: 'SKILLS' };
  if (!hasCapacityDuring(analyst, request)) return { eligible: false, reason: 'NO_CAPACITY' };
  return { eligible: true, ...skills };
}

/** Every eligible (analyst, request) pair, grouped by request id, analysts in input order. */
export function candidatesByRequest(input: RankingInput): Map<string, Candidate[]> {
  const byRequest = new Map<string, Candidate[]>();
  for (const request of input.requests) {
    const candidates: Candidate[] = [];
    for (const analyst of input.analysts) {
      const eligibility = assessEligibility(analyst, request, input.policy);
      if (!eligibility.eligible) continue;
      candidates.push({
        analystId: analyst.id,
        requestId: request.id,
        kind: eligibility.kind,
        development: eligibility.development,
      });
    }
    byRequest.set(request.id, candidates);
  }
  return byRequest;
}
