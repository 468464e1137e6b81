import type { PrismaClient } from '../../generated/prisma/client.ts';
import { addWeeksTo, mondayOf } from '../../domain/weeks.ts';
import { loadMatchingInput, type MatchingNames } from '../matching/load-input.ts';
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
 * planning horizon from this week. A fixed number of SQL statements whatever the number of requests.
 */
export async function findOpportunities(
  prisma: PrismaClient,
  { icsId, analystId }: { icsId: string; analystId: string },
  today: Date,
): Promise<Opportunity[]> {
  const ics = await prisma.ics.findUniqueOrThrow({ where: { id: icsId }, select: { planningHorizonWeeks: true } });
  const startWeek = mondayOf(today);
  const window = { startWeek, endWeek: addWeeksTo(startWeek, ics.planningHorizonWeeks - 1) };
  const [{ input, names }, booked] = await Promise.all([
    loadMatchingInput(prisma, { icsId, window, requests: { open: true } }),
    // Requests the analyst is already proposed for or working on are not opportunities any more.
    prisma.allocation.findMany({
      where: { analystId, status: { in: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] } },
      select: { requestId: true },
    }),
  ]);
  const ranked = rankOpportunities(input, analystId, new Set(booked.map((allocation) => allocation.requestId)));
  const rows = await prisma.request.findMany({
    where: { id: { in: ranked.map((opportunity) => opportunity.request.id) } },
    select: { id: true, title: true, description: true, fte: true, project: { select: { title: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ranked.flatMap((opportunity) => {
    const row = byId.get(opportunity.request.id);
    return row ? [present(opportunity, row, names, window.startWeek)] : [];
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
