import { levelOf, skillEligibility } from './eligibility.ts';
import type { AnalystInput, RequestInput, SkillFit, SkillFitExplanation, SkillLevel } from './types.ts';

// Match quality of an analyst for a request, in 0..1: a weighted sum of five parts, each in 0..1.
//   fit          must-have skills: 0.6 for meeting the minimum, rising to 1 at Expert; 0 when short
//                (a development candidate's gap); the mean over must-have skills (1 when there are none)
//   desired      nice-to-have skills: level held / level desired, capped at 1, averaged (1 when none)
//   continuity   1 when the analyst already works on the request's project, 0.5 for its organisation
//   interest     1 when the analyst expressed interest in the request
//   development  1 for a development placement; 0.5 when the request uses a skill the analyst aspires
//                to grow; 0 otherwise
// The weights favour fit and interest; continuity and development break ties among good fits.

export const SCORE_WEIGHTS = { fit: 0.35, desired: 0.2, continuity: 0.15, interest: 0.2, development: 0.1 } as const;

const TOP_LEVEL = 4;
const MEETS_VALUE = 0.6;

export type Continuity = 'PROJECT' | 'ORGANISATION' | null;

export interface MatchScore {
  score: number;
  parts: { [part in keyof typeof SCORE_WEIGHTS]: number };
  skills: SkillFitExplanation[];
  continuity: Continuity;
  interest: boolean;
}

function fitOf(analystLevel: number, wantedLevel: number): SkillFit {
  if (analystLevel === 0) return 'MISSING';
  if (analystLevel > wantedLevel) return 'ABOVE';
  if (analystLevel === wantedLevel) return 'MEETS';
  return analystLevel === wantedLevel - 1 ? 'ONE_BELOW' : 'BELOW';
}

/** One must-have skill's contribution to `fit`, 0..1. */
export function requiredSkillValue(analystLevel: number, wantedLevel: number): number {
  if (analystLevel < wantedLevel) return 0;
  const headroom = Math.max(1, TOP_LEVEL - wantedLevel);
  return Math.min(1, MEETS_VALUE + ((1 - MEETS_VALUE) * (analystLevel - wantedLevel)) / headroom);
}

/** Per-skill fit of the analyst against the request's must-have then nice-to-have skills. */
function skillFits(analyst: AnalystInput, request: RequestInput): SkillFitExplanation[] {
  const explain = (kind: SkillFitExplanation['kind']) => (skill: SkillLevel): SkillFitExplanation => {
    const analystLevel = levelOf(analyst, skill.skillId);
    return { skillId: skill.skillId, kind, wantedLevel: skill.level, analystLevel, fit: fitOf(analystLevel, skill.level) };
  };
  return [...request.required.map(explain('REQUIRED')), ...request.desired.map(explain('DESIRED'))];
}

function mean(values: number[], whenEmpty: number): number {
  return values.length === 0 ? whenEmpty : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function continuityOf(analyst: AnalystInput, request: RequestInput): Continuity {
  if (analyst.currentProjectIds.includes(request.projectId)) return 'PROJECT';
  if (analyst.currentOrganisationIds.includes(request.organisationId)) return 'ORGANISATION';
  return null;
}

function developmentValue(analyst: AnalystInput, request: RequestInput): number {
  if (skillEligibility(analyst, request)?.kind === 'DEVELOPMENT') return 1;
  const requestSkills = new Set([...request.required, ...request.desired].map((skill) => skill.skillId));
  const grows = analyst.aspirations.some(
    (aspiration) => requestSkills.has(aspiration.skillId) && aspiration.level > levelOf(analyst, aspiration.skillId),
  );
  return grows ? 0.5 : 0;
}

/** The match quality score of (analyst, request) with its parts and the per-skill fit. */
export function matchScore(analyst: AnalystInput, request: RequestInput): MatchScore {
  const skills = skillFits(analyst, request);
  const continuity = continuityOf(analyst, request);
  const interest = analyst.interestRequestIds.includes(request.id);
  const parts = {
    fit: mean(
      skills.filter((skill) => skill.kind === 'REQUIRED').map((skill) => requiredSkillValue(skill.analystLevel, skill.wantedLevel)),
      1,
    ),
    desired: mean(
      skills.filter((skill) => skill.kind === 'DESIRED').map((skill) => Math.min(1, skill.analystLevel / skill.wantedLevel)),
      1,
    ),
    continuity: continuity === 'PROJECT' ? 1 : continuity === 'ORGANISATION' ? 0.5 : 0,
    interest: interest ? 1 : 0,
    development: developmentValue(analyst, request),
  };
  const score =
    SCORE_WEIGHTS.fit * parts.fit +
    SCORE_WEIGHTS.desired * parts.desired +
    SCORE_WEIGHTS.continuity * parts.continuity +
    SCORE_WEIGHTS.interest * parts.interest +
    SCORE_WEIGHTS.development * parts.development;
  return { score, parts, skills, continuity, interest };
}
