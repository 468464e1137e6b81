import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isWorkforceLead, visibleRequests } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { addWeeksTo, mondayOf } from '../../domain/weeks.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { spanCapacity, type DevelopmentGap } from '../../matching/eligibility.ts';
import { rankedCandidatesByRequest, type RankedCandidate } from '../../matching/ranking.ts';
import type { Continuity } from '../../matching/scoring.ts';
import type { SkillFitExplanation } from '../../matching/types.ts';
import { analystsWhoCouldTake } from './eligibility-prefilter.ts';
import { loadAnalystInputs, policyOf, requestInputFields, requestInputOf, type MatchingNames } from './load-input.ts';

export interface CandidateView {
  analystId: string;
  analystName: string;
  /** 1-based, among the request's eligible candidates, best first by the engine's match score. */
  rank: number;
  score: number;
  kind: 'STANDARD' | 'DEVELOPMENT';
  /** The must-have skill a development candidate is one level short on, and what they aim for. */
  development: (DevelopmentGap & { skillName: string }) | null;
  skills: (SkillFitExplanation & { skillName: string })[];
  /** Most FTE the analyst can give in every remaining week of the request (0 at the concurrency cap). */
  availableFte: number;
  /** Remaining pooled FTE in each week from `firstWeek` to the request's last week. */
  weeklyRemainingFte: number[];
  firstWeek: Date;
  interest: boolean;
  continuity: Continuity;
  explanation: string;
}

/**
 * Eligible analysts for one request, ranked by the engine's scoring over the request's remaining weeks,
 * for a workforce lead choosing by hand (for instance the next best after a decline). Analysts already on
 * the request, or who declined it, are left out.
 */
export async function rankCandidates(
  prisma: PrismaClient | Prisma.TransactionClient,
  viewer: Viewer,
  requestId: string,
  today: Date,
): Promise<CandidateView[]> {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only workforce leads choose analysts for requests.');
  const request = await prisma.request.findFirst({
    where: { AND: [{ id: requestId }, visibleRequests(viewer)] },
    select: {
      ...requestInputFields,
      skills: { ...requestInputFields.skills, select: { ...requestInputFields.skills.select, skill: { select: { name: true } } } },
      ics: true,
    },
  });
  if (!request) throw new NotFoundError('Request');
  const window = {
    startWeek: new Date(Math.max(request.startWeek.getTime(), mondayOf(today).getTime())),
    endWeek: request.endWeek,
  };
  if (window.endWeek < window.startWeek) return [];
  const requestInput = requestInputOf(window, request);
  if (!requestInput) return [];

  const policy = policyOf(request.ics);
  const loaded = await loadAnalystInputs(prisma, {
    icsId: viewer.icsId,
    window,
    where: {
      ...analystsWhoCouldTake(requestInput, policy),
      // Those already on the request or who declined it are not offered again.
      allocations: { none: { requestId, status: { in: ['PROPOSED', 'ACCEPTED', 'ACTIVE', 'DECLINED'] } } },
    },
  });
  const input = { analysts: loaded.analysts, requests: [requestInput], policy };
  const names = { analysts: loaded.names, skills: new Map(request.skills.map((skill) => [skill.skillId, skill.skill.name])) };
  const analysts = new Map(input.analysts.map((analyst) => [analyst.id, analyst]));
  const ranked = rankedCandidatesByRequest(input).get(requestId) ?? [];

  return ranked.map((candidate, index) => {
    const analyst = analysts.get(candidate.analystId)!;
    const availableFte = spanCapacity(analyst, requestInput, input.policy) / 10;
    const view: Omit<CandidateView, 'explanation'> = {
      analystId: candidate.analystId,
      analystName: names.analysts.get(candidate.analystId) ?? 'Unknown analyst',
      rank: index + 1,
      score: candidate.match.score,
      kind: candidate.kind,
      development: candidate.development && { ...candidate.development, skillName: names.skills.get(candidate.development.skillId) ?? '' },
      skills: candidate.match.skills.map((skill) => ({ ...skill, skillName: names.skills.get(skill.skillId) ?? '' })),
      availableFte,
      weeklyRemainingFte: analyst.capacity.slice(requestInput.startWeek, requestInput.endWeek + 1).map((tenths) => tenths / 10),
      firstWeek: addWeeksTo(window.startWeek, requestInput.startWeek),
      interest: candidate.match.interest,
      continuity: candidate.match.continuity,
    };
    return { ...view, explanation: describeCandidate(view, ranked[index + 1], names) };
  });
}

const LEVELS = ['none', 'Awareness', 'Working', 'Practitioner', 'Expert'];

/** One paragraph a workforce lead can read: fit, development, preference, time, and the gap to the next. */
function describeCandidate(view: Omit<CandidateView, 'explanation'>, next: RankedCandidate | undefined, names: Pick<MatchingNames, 'analysts' | 'skills'>): string {
  const required = view.skills.filter((skill) => skill.kind === 'REQUIRED');
  const desired = view.skills.filter((skill) => skill.kind === 'DESIRED');
  const sentences: string[] = [];
  if (view.development) {
    const { skillName, analystLevel, requiredLevel, targetLevel } = view.development;
    sentences.push(
      `Development placement: ${LEVELS[analystLevel]} in ${skillName} where ${LEVELS[requiredLevel]} is asked, aiming for ${LEVELS[targetLevel]}; needs a qualified mentor on the request.`,
    );
  } else if (required.length > 0) {
    const above = required.filter((skill) => skill.fit === 'ABOVE').map((skill) => skill.skillName);
    sentences.push(
      `Meets every must-have skill${above.length > 0 ? `, above the level asked in ${above.join(', ')}` : ''}.`,
    );
  }
  if (desired.length > 0) {
    const held = desired.filter((skill) => skill.analystLevel >= skill.wantedLevel).length;
    sentences.push(`Has ${held} of ${desired.length} nice-to-have skills at the level wanted.`);
  }
  if (view.interest) sentences.push('Expressed interest in this request.');
  if (view.continuity === 'PROJECT') sentences.push('Already works on this project.');
  if (view.continuity === 'ORGANISATION') sentences.push('Already works for this organisation.');
  sentences.push(
    view.availableFte > 0
      ? `Free for ${view.availableFte} FTE in every remaining week of the request.`
      : 'No time free in every week of the request (booked, on leave or at the limit of requests at once).',
  );
  if (next) {
    const nextName = names.analysts.get(next.analystId) ?? 'the next candidate';
    sentences.push(`Ranked ${view.rank} with score ${view.score.toFixed(2)}, ahead of ${nextName} (${next.match.score.toFixed(2)}).`);
  }
  return sentences.join(' ');
}
