import type { PrismaClient } from '../../generated/prisma/client.ts';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import { skillEligibility } from '../../matching/eligibility.ts';
import type { AnalystInput, MatchingPolicy, RequestInput } from '../../matching/types.ts';
import { analystsWhoCouldTake, requestsAnalystCouldTake } from '../matching/eligibility-prefilter.ts';
import {
  loadAnalystInputs,
  openRequests,
  overlapsWindow,
  policyOf,
  requestInputFields,
  requestInputOf,
  type MatchingNames,
} from '../matching/load-input.ts';
import { rankOpportunities, type RankedOpportunity } from './opportunity-ranking.ts';
import { explainOpportunity } from './opportunity-text.ts';

export interface OpportunitySkill {
  skillId: string;
  skillName: string;
  kind: 'REQUIRED' | 'DESIRED';
  wantedLevel: number;
  yourLevel: number;
}

export interface Opportunity {
  requestId: string;
  title: string;
  description: string;
  projectTitle: string;
  organisationId: string;
  organisationName: string;
  startWeek: Date;
  endWeek: Date;
  weekCount: number;
  requestedFte: number;
  openFte: number;
  availableFte: number;
  kind: 'STANDARD' | 'DEVELOPMENT';
  score: number;
  interested: boolean;
  skills: OpportunitySkill[];
  grows: { skillId: string; skillName: string; level: number; targetLevel: number }[];
  development: {
    skillId: string;
    skillName: string;
    yourLevel: number;
    requiredLevel: number;
    mentors: { analystId: string; name: string; level: number }[];
  } | null;
  explanation: string[];
}

/**
 * Open requests in an analyst's ICS that they could take, best fit and growth first, over the ICS's
 * planning horizon from this week. Only the requests the analyst might be eligible for are loaded, and
 * only the colleagues who might mentor them on a development placement: a fixed number of SQL statements
 * whatever the size of the ICS.
 */
export async function findOpportunities(
  prisma: PrismaClient,
  { icsId, analystId }: { icsId: string; analystId: string },
  today: Date,
): Promise<Opportunity[]> {
  const ics = await prisma.ics.findUniqueOrThrow({ where: { id: icsId } });
  const policy = policyOf(ics);
  const startWeek = mondayOf(today);
  const window = { startWeek, endWeek: addWeeksTo(startWeek, ics.planningHorizonWeeks - 1) };
  const [{ analysts: [analyst] }, booked] = await Promise.all([
    loadAnalystInputs(prisma, { icsId, window, where: { id: analystId } }),
    // Requests the analyst is already proposed for or working on are not opportunities any more.
    prisma.allocation.findMany({
      where: { analystId, status: { in: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] } },
      select: { requestId: true },
    }),
  ]);
  if (!analyst) return [];
  const excluded = booked.map((allocation) => allocation.requestId);
  const [requestRows, skillRows, organisationRows] = await Promise.all([
    prisma.request.findMany({
      where: { AND: [{ icsId, id: { notIn: excluded }, ...overlapsWindow(window), ...openRequests }, requestsAnalystCouldTake(analyst, policy)] },
      select: { ...requestInputFields, title: true, description: true, project: { select: { organisationId: true, title: true } } },
      orderBy: { id: 'asc' },
    }),
    prisma.skill.findMany({ where: { icsId }, select: { id: true, name: true } }),
    prisma.organisation.findMany({ where: { icsId }, select: { id: true, name: true } }),
  ]);
  const requests = requestRows.flatMap((row) => requestInputOf(window, row) ?? []);
  const mentors = await loadMentorCandidates(prisma, { icsId, window, policy, mentee: analyst, requests });
  const ranked = rankOpportunities({ analysts: [analyst, ...mentors.analysts], requests, policy }, analystId, new Set(excluded));
  const names = {
    analysts: mentors.names,
    skills: new Map(skillRows.map((row) => [row.id, row.name])),
    organisations: new Map(organisationRows.map((row) => [row.id, row.name])),
  };
  const byId = new Map(requestRows.map((row) => [row.id, row]));
  return ranked.flatMap((opportunity) => {
    const row = byId.get(opportunity.request.id);
    return row ? [present(opportunity, row, names, window.startWeek)] : [];
  });
}

/**
 * Colleagues who might mentor the analyst: those who might be fully qualified (no development slack) for
 * a request the analyst is a development candidate for. None loaded when there is no such request.
 */
async function loadMentorCandidates(
  prisma: PrismaClient,
  { icsId, window, policy, mentee, requests }: { icsId: string; window: WeekSpan; policy: MatchingPolicy; mentee: AnalystInput; requests: RequestInput[] },
): Promise<{ analysts: AnalystInput[]; names: Map<string, string> }> {
  const developing = requests.filter((request) => skillEligibility(mentee, request)?.kind === 'DEVELOPMENT');
  if (developing.length === 0) return { analysts: [], names: new Map() };
  return loadAnalystInputs(prisma, {
    icsId,
    window,
    where: {
      id: { not: mentee.id },
      OR: developing.map((request) => analystsWhoCouldTake({ ...request, openToDevelopment: false }, policy)),
    },
  });
}

interface RequestRow {
  title: string;
  description: string;
  fte: { toNumber(): number };
  project: { title: string };
}

function present(opportunity: RankedOpportunity, row: RequestRow, names: MatchingNames, windowStart: Date): Opportunity {
  const skillName = (skillId: string) => names.skills.get(skillId) ?? 'Unnamed skill';
  const { request, match, development } = opportunity;
  const presented: Omit<Opportunity, 'explanation'> = {
    requestId: request.id,
    title: row.title,
    description: row.description,
    projectTitle: row.project.title,
    organisationId: request.organisationId,
    organisationName: names.organisations.get(request.organisationId) ?? 'Unnamed organisation',
    // Within the planning window: a request already under way is offered from this week on.
    startWeek: addWeeksTo(windowStart, request.startWeek),
    endWeek: addWeeksTo(windowStart, request.endWeek),
    weekCount: request.endWeek - request.startWeek + 1,
    requestedFte: row.fte.toNumber(),
    openFte: request.fte / 10,
    availableFte: opportunity.availableFte / 10,
    kind: opportunity.kind,
    score: opportunity.score,
    interested: match.interest,
    skills: match.skills.map((skill) => ({
      skillId: skill.skillId,
      skillName: skillName(skill.skillId),
      kind: skill.kind,
      wantedLevel: skill.wantedLevel,
      yourLevel: skill.analystLevel,
    })),
    grows: opportunity.grows.map((growth) => ({ ...growth, skillName: skillName(growth.skillId) })),
    development: development
      ? {
          skillId: development.skillId,
          skillName: skillName(development.skillId),
          yourLevel: development.analystLevel,
          requiredLevel: development.requiredLevel,
          mentors: development.mentors.map((mentor) => ({ ...mentor, name: names.analysts.get(mentor.analystId) ?? 'A colleague' })),
        }
      : null,
  };
  return { ...presented, explanation: explainOpportunity(presented) };
}
