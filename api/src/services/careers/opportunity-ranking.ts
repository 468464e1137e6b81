import { assessEligibility, levelOf, spanCapacity, type DevelopmentGap } from '../../matching/eligibility.ts';
import { matchScore, type MatchScore } from '../../matching/scoring.ts';
import type { AnalystInput, RankingInput, RequestInput, Tenths } from '../../matching/types.ts';

// Open requests one analyst could take, by the engine's own eligibility and match score, ranked for the
// analyst: the engine's match quality plus how much of what they aspire to the work would grow.

/** Weight of growth (the share of the analyst's aspirations the work would grow) next to match quality. */
const GROWTH_WEIGHT = 0.5;
const MENTORS_LISTED = 3;

export interface SkillGrowth {
  skillId: string;
  level: number;
  targetLevel: number;
}

export interface MentorCandidate {
  analystId: string;
  level: number;
}

export interface RankedOpportunity {
  request: RequestInput;
  kind: 'STANDARD' | 'DEVELOPMENT';
  match: MatchScore;
  /** Aspired skills the request uses (must-have or nice-to-have) that sit below the analyst's target. */
  grows: SkillGrowth[];
  development: (DevelopmentGap & { mentors: MentorCandidate[] }) | null;
  /** The most the analyst could give every week of the request, capped by what is still open. */
  availableFte: Tenths;
  score: number;
}

function growthOf(analyst: AnalystInput, request: RequestInput): SkillGrowth[] {
  const used = new Set([...request.required, ...request.desired].map((skill) => skill.skillId));
  return analyst.aspirations
    .filter((aspiration) => used.has(aspiration.skillId) && aspiration.level > levelOf(analyst, aspiration.skillId))
    .map((aspiration) => ({ skillId: aspiration.skillId, level: levelOf(analyst, aspiration.skillId), targetLevel: aspiration.level }));
}

/** Fully qualified colleagues with time on the request, strongest in the gap skill first. */
function mentorsFor(input: RankingInput, mentee: AnalystInput, request: RequestInput, skillId: string): MentorCandidate[] {
  return input.analysts
    .filter((analyst) => analyst.id !== mentee.id)
    .filter((analyst) => {
      const eligibility = assessEligibility(analyst, request, input.policy);
      return eligibility.eligible && eligibility.kind === 'STANDARD' && spanCapacity(analyst, request, input.policy) > 0;
    })
    .map((analyst) => ({ analystId: analyst.id, level: levelOf(analyst, skillId) }))
    .sort((a, b) => b.level - a.level || (a.analystId < b.analystId ? -1 : 1))
    .slice(0, MENTORS_LISTED);
}

/** The analyst's opportunities, best first (ties: earlier start, then request id). */
export function rankOpportunities(input: RankingInput, analystId: string, excludedRequestIds: ReadonlySet<string>): RankedOpportunity[] {
  const analyst = input.analysts.find((candidate) => candidate.id === analystId);
  if (!analyst) return [];
  const ranked = input.requests.flatMap((request): RankedOpportunity[] => {
    if (request.fte <= 0 || excludedRequestIds.has(request.id)) return [];
    const eligibility = assessEligibility(analyst, request, input.policy);
    if (!eligibility.eligible) return [];
    const spare = spanCapacity(analyst, request, input.policy);
    const cap = eligibility.kind === 'DEVELOPMENT' ? Math.floor(request.fte * input.policy.developmentShareCap) : request.fte;
    const availableFte = Math.min(spare, cap);
    if (availableFte <= 0) return [];
    const match = matchScore(analyst, request);
    const grows = growthOf(analyst, request);
    const growth = analyst.aspirations.length === 0 ? 0 : grows.length / analyst.aspirations.length;
    const gap = eligibility.development;
    return [
      {
        request,
        kind: eligibility.kind,
        match,
        grows,
        development: gap ? { ...gap, mentors: mentorsFor(input, analyst, request, gap.skillId) } : null,
        availableFte,
        score: match.score + GROWTH_WEIGHT * growth,
      },
    ];
  });
  return ranked.sort(
    (a, b) => b.score - a.score || a.request.startWeek - b.request.startWeek || (a.request.id < b.request.id ? -1 : 1),
  );
}

