import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { AllocationKind, RequestStatus } from '../../generated/prisma/enums.ts';
import { toTenths } from '../../domain/capacity.ts';
import { mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import type { DevelopmentGap } from '../../matching/eligibility.ts';
import { NotFoundError, type CapacityShortfall, type FieldIssue } from '../../errors.ts';
import { shortfallsOf, weeklyLoad, type WeekRemaining } from './capacity-guard.ts';
import { LIVE_STATUSES } from './records.ts';
import { kindProblems, skillVerdict, type SkillRequirementCheck } from './skill-rule.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** Requests that can take allocations: submitted to the pool and not yet finished or cancelled. */
export const OPEN_REQUEST_STATUSES: RequestStatus[] = ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE'];

/** An analyst on a request for a span of weeks: a proposal as the workforce lead makes or edits it. */
export interface Placement extends WeekSpan {
  analystId: string;
  requestId: string;
  fte: number;
  /** Omitted: DEVELOPMENT when the analyst qualifies only under the development rule, else STANDARD. */
  kind?: AllocationKind | null;
  /** For a development placement; omitted: the first qualified analyst on the request covering its weeks. */
  mentorAllocationId?: string | null;
}

export interface PlacementOptions {
  icsId: string;
  today: Date;
  /** The allocation being edited: its own booking and its own row never count against it. */
  allocationId?: string;
  /** Whether to reject a start week already begun (new weeks only). */
  checkStartNotPast: boolean;
}

export interface PlacementAssessment {
  analyst: AnalystRow;
  request: RequestRow;
  kind: AllocationKind;
  mentorAllocationId: string | null;
  development: DevelopmentGap | null;
  requirements: SkillRequirementCheck[];
  /** Why the analyst may not take this placement on skills; empty when they may. */
  skillProblems: string[];
  /** Each week of the placement with the analyst's remaining time before it. */
  load: WeekRemaining[];
  shortfalls: CapacityShortfall[];
  /** Input that cannot be accepted whatever the skills and capacity. */
  issues: FieldIssue[];
}

function loadAnalyst(db: Client, icsId: string, id: string) {
  return db.analyst.findFirst({
    where: { id, icsId },
    select: {
      id: true,
      name: true,
      organisationId: true,
      status: true,
      skills: { select: { skillId: true, level: true } },
      aspirations: { select: { skillId: true, targetLevel: true } },
    },
  });
}

function loadRequest(db: Client, icsId: string, id: string) {
  return db.request.findFirst({
    where: { id, icsId },
    select: {
      id: true,
      title: true,
      fte: true,
      startWeek: true,
      endWeek: true,
      status: true,
      priority: true,
      openToDevelopment: true,
      projectId: true,
      project: { select: { organisationId: true } },
      skills: {
        where: { kind: 'REQUIRED' },
        select: { skillId: true, minLevel: true, skill: { select: { name: true } } },
        orderBy: { skill: { name: 'asc' } },
      },
      ics: { select: { developmentShareCap: true, homeRequestsDrawOnPool: true } },
    },
  });
}

/** Everything the rules say about a placement, without changing anything. */
export async function assessPlacement(db: Client, placement: Placement, options: PlacementOptions): Promise<PlacementAssessment> {
  const analyst = await loadAnalyst(db, options.icsId, placement.analystId);
  const request = await loadRequest(db, options.icsId, placement.requestId);
  if (!analyst) throw new NotFoundError('Analyst');
  if (!request) throw new NotFoundError('Request');

  const issues = placementIssues(placement, analyst, request, options).map((issue) => ({ ...issue, path: ['input', ...issue.path] }));
  const verdict = skillVerdict(analyst, request);
  const kind = placement.kind ?? verdict.kind ?? 'STANDARD';
  const skillProblems = kindProblems(verdict, kind);
  let mentorAllocationId: string | null = null;
  if (kind === 'DEVELOPMENT') {
    const rules = await developmentRules(db, placement, request, options.allocationId);
    mentorAllocationId = rules.mentorAllocationId;
    skillProblems.push(...rules.problems);
  }

  const load =
    placement.endWeek < placement.startWeek
      ? []
      : await weeklyLoad(
          db,
          analyst,
          [{ startWeek: placement.startWeek, endWeek: placement.endWeek, fteTenths: toTenths(placement.fte) }],
          options.allocationId ? [options.allocationId] : [],
        );
  return {
    analyst,
    request,
    kind,
    mentorAllocationId,
    development: verdict.development,
    requirements: verdict.requirements,
    skillProblems,
    load,
    shortfalls: shortfallsOf(load),
    issues,
  };
}

type AnalystRow = NonNullable<Awaited<ReturnType<typeof loadAnalyst>>>;
type RequestRow = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

function placementIssues(placement: Placement, analyst: AnalystRow, request: RequestRow, options: PlacementOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const day = (date: Date) => date.toISOString().slice(0, 10);
  if (analyst.status !== 'ACTIVE') issues.push({ path: ['analystId'], message: `${analyst.name} has left the pool.` });
  if (!request.ics.homeRequestsDrawOnPool && analyst.organisationId === request.project.organisationId) {
    issues.push({
      path: ['analystId'],
      message: `${analyst.name}'s pooled time serves other organisations; this request is their own organisation's.`,
    });
  }
  if (!OPEN_REQUEST_STATUSES.includes(request.status)) {
    issues.push({ path: ['requestId'], message: `The request is ${request.status.toLowerCase()}, not open for allocation.` });
  }
  if (placement.startWeek < request.startWeek || placement.startWeek > request.endWeek) {
    issues.push({ path: ['startWeek'], message: `Start within the request's weeks, ${day(request.startWeek)} to ${day(request.endWeek)}.` });
  } else if (options.checkStartNotPast && placement.startWeek < mondayOf(options.today)) {
    issues.push({ path: ['startWeek'], message: 'That week has already begun; start this week or later.' });
  }
  if (placement.endWeek < placement.startWeek) {
    issues.push({ path: ['endWeek'], message: 'End on or after the start week.' });
  } else if (placement.endWeek > request.endWeek || placement.endWeek < request.startWeek) {
    issues.push({ path: ['endWeek'], message: `End within the request's weeks, ${day(request.startWeek)} to ${day(request.endWeek)}.` });
  }
  if (toTenths(placement.fte) > toTenths(request.fte)) {
    issues.push({ path: ['fte'], message: `The request asks for ${request.fte.toNumber()} FTE; offer no more.` });
  }
  return issues;
}

/** A development placement: capped share of the request, and a fully qualified mentor on it for its weeks. */
async function developmentRules(
  db: Client,
  placement: Placement,
  request: RequestRow,
  allocationId: string | undefined,
): Promise<{ mentorAllocationId: string | null; problems: string[] }> {
  const others = await db.allocation.findMany({
    where: {
      requestId: request.id,
      status: { in: LIVE_STATUSES },
      ...(allocationId ? { id: { not: allocationId } } : {}),
      startWeek: { lte: placement.endWeek },
      endWeek: { gte: placement.startWeek },
    },
    select: { id: true, analystId: true, kind: true, fte: true, startWeek: true, endWeek: true },
    orderBy: { createdAt: 'asc' },
  });
  const problems: string[] = [];
  const capTenths = Math.floor(request.ics.developmentShareCap.toNumber() * toTenths(request.fte));
  const developmentTenths =
    others.filter((other) => other.kind === 'DEVELOPMENT').reduce((sum, other) => sum + toTenths(other.fte), 0) +
    toTenths(placement.fte);
  if (developmentTenths > capTenths) {
    problems.push(`development placements may cover at most ${capTenths / 10} FTE of this request's ${request.fte.toNumber()} FTE`);
  }
  const mentors = others.filter(
    (other) =>
      other.kind !== 'DEVELOPMENT' &&
      other.analystId !== placement.analystId &&
      other.startWeek <= placement.startWeek &&
      other.endWeek >= placement.endWeek &&
      (!placement.mentorAllocationId || other.id === placement.mentorAllocationId),
  );
  const mentor = mentors[0];
  if (!mentor) {
    problems.push(
      placement.mentorAllocationId
        ? 'the chosen mentor is not a qualified analyst on this request for all of these weeks'
        : 'a development placement needs a qualified analyst on the same request as mentor for all of its weeks',
    );
  }
  return { mentorAllocationId: mentor?.id ?? null, problems };
}
