import type { Ics, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { holdsCapacity, toTenths, weeklyAllowanceTenths, weeklyBookedTenths, weeklyRemainingTenths } from '../../domain/capacity.ts';
import { indexesWithin, weekCount, type WeekSpan } from '../../domain/weeks.ts';
import type {
  AnalystInput,
  MatchingInput,
  MatchingPolicy,
  OrganisationInput,
  RequestInput,
  SkillLevel,
} from '../../matching/types.ts';
import { carriedCreditByOrganisation } from '../fairness/carried-credit.ts';

/** Policy values a workforce lead may override for one run; the rest comes from the ICS. */
export type PolicyOverrides = {
  [Key in 'alpha' | 'beta' | 'gamma' | 'maxConcurrentRequests' | 'developmentShareCap']?: MatchingPolicy[Key] | null;
};

/** The requests a run considers: those still open in the pool, or exactly the listed ones. */
export type RequestSelection = { open: true } | { ids: string[] };

export interface LoadInputOptions {
  icsId: string;
  /** First and last Monday of the planning window. */
  window: WeekSpan;
  requests: RequestSelection;
  overrides?: PolicyOverrides;
}

type Client = PrismaClient | Prisma.TransactionClient;

/** Names by id, for explanations a person can read (the engine itself sees only ids). */
export interface MatchingNames {
  analysts: Map<string, string>;
  skills: Map<string, string>;
  organisations: Map<string, string>;
}

export interface LoadedInput {
  ics: Ics;
  input: MatchingInput;
  names: MatchingNames;
}

/** The ICS's published policy with a run's overrides applied. */
export function policyOf(ics: Ics, overrides: PolicyOverrides = {}): MatchingPolicy {
  return {
    alpha: overrides.alpha ?? ics.fairnessAlpha.toNumber(),
    beta: overrides.beta ?? ics.fairnessBeta.toNumber(),
    gamma: overrides.gamma ?? ics.fairnessGamma.toNumber(),
    maxConcurrentRequests: overrides.maxConcurrentRequests ?? ics.maxConcurrentRequests,
    developmentShareCap: overrides.developmentShareCap ?? ics.developmentShareCap.toNumber(),
    homeRequestsDrawOnPool: ics.homeRequestsDrawOnPool,
  };
}

/**
 * Need for pooled help (DESIGN §4): staff headcount per FTE of the organisation's own analysts. An
 * organisation of 180 staff with one analyst needs the pool more than one of 400 with four. The 1 added to
 * the analyst FTE keeps organisations with no analysts of their own finite (and the neediest).
 */
export function organisationNeed(headcount: number, ownAnalystFte: number): number {
  return headcount / (1 + ownAnalystFte);
}

/**
 * Builds the engine's input for one ICS and window from the database in a fixed number of statements.
 * Every list is ordered by id so the same data always gives the same input (and digest).
 */
export async function loadMatchingInput(prisma: Client, options: LoadInputOptions): Promise<LoadedInput> {
  const { icsId, window } = options;
  const [ics, requestRows, analystRows, organisationRows, skillRows, credits] = await Promise.all([
    prisma.ics.findUniqueOrThrow({ where: { id: icsId } }),
    prisma.request.findMany({
      where: {
        icsId,
        ...overlapsWindow(window),
        ...('ids' in options.requests ? { id: { in: options.requests.ids } } : openRequests),
      },
      select: requestInputFields,
      orderBy: { id: 'asc' },
    }),
    prisma.analyst.findMany({ where: { icsId, status: 'ACTIVE' }, select: analystInputFields(window), orderBy: { id: 'asc' } }),
    prisma.organisation.findMany({ where: { icsId }, select: { id: true, name: true, headcount: true }, orderBy: { id: 'asc' } }),
    prisma.skill.findMany({ where: { icsId }, select: { id: true, name: true } }),
    carriedCreditByOrganisation(prisma, icsId),
  ]);

  const weeks = weekCount(window);
  const contribution = new Map<string, number>();
  const ownAnalystFte = new Map<string, number>();
  for (const row of analystRows) {
    const givenFteWeeks = weeklyAllowanceTenths(window, capacitySourceOf(row)).reduce((sum, tenths) => sum + tenths, 0) / 10;
    contribution.set(row.organisationId, (contribution.get(row.organisationId) ?? 0) + givenFteWeeks);
    ownAnalystFte.set(row.organisationId, (ownAnalystFte.get(row.organisationId) ?? 0) + row.contractedFte.toNumber());
  }
  const analysts = analystRows.map((row) => analystInputOf(window, row));
  const requests = requestRows.flatMap((row) => requestInputOf(window, row) ?? []);

  const organisations = organisationRows.map(
    (row): OrganisationInput => ({
      id: row.id,
      name: row.name,
      contribution: contribution.get(row.id) ?? 0,
      need: organisationNeed(row.headcount, ownAnalystFte.get(row.id) ?? 0),
      credit: credits.get(row.id) ?? 0,
    }),
  );

  return {
    ics,
    input: { weekCount: weeks, analysts, requests, organisations, policy: policyOf(ics, options.overrides) },
    names: {
      analysts: new Map(analystRows.map((row) => [row.id, row.name])),
      skills: new Map(skillRows.map((row) => [row.id, row.name])),
      organisations: new Map(organisationRows.map((row) => [row.id, row.name])),
    },
  };
}

export const overlapsWindow = (window: WeekSpan) => ({ startWeek: { lte: window.endWeek }, endWeek: { gte: window.startWeek } });

/** Requests still open in the pool: submitted or partly matched, on an active project. */
export const openRequests = {
  status: { in: ['SUBMITTED', 'PARTIALLY_MATCHED'] },
  project: { status: 'ACTIVE' },
} satisfies Prisma.RequestWhereInput;

/** What the engine needs of a request (see `requestInputOf`). */
export const requestInputFields = {
  id: true,
  fte: true,
  startWeek: true,
  endWeek: true,
  priority: true,
  openToDevelopment: true,
  submittedAt: true,
  createdAt: true,
  projectId: true,
  project: { select: { organisationId: true } },
  skills: { select: { skillId: true, kind: true, minLevel: true }, orderBy: { skillId: 'asc' } },
  allocations: { where: holdsCapacity, select: { fte: true, startWeek: true, endWeek: true } },
} satisfies Prisma.RequestSelect;

type RequestInputRow = Prisma.RequestGetPayload<{ select: typeof requestInputFields }>;

/** The engine's view of a request within `window`; null when the request lies outside it. */
export function requestInputOf(window: WeekSpan, row: RequestInputRow): RequestInput | null {
  const span = indexesWithin(window, row);
  if (!span) return null;
  const booked = weeklyBookedTenths(
    { startWeek: row.startWeek, endWeek: row.endWeek },
    row.allocations.map((allocation) => ({ ...allocation, fte: allocation.fte.toNumber() })),
  );
  const fte = Math.max(0, toTenths(row.fte) - Math.max(0, ...booked));
  const skillsOf = (kind: 'REQUIRED' | 'DESIRED'): SkillLevel[] =>
    row.skills.filter((skill) => skill.kind === kind).map(({ skillId, minLevel }) => ({ skillId, level: minLevel }));
  return {
    id: row.id,
    organisationId: row.project.organisationId,
    projectId: row.projectId,
    required: skillsOf('REQUIRED'),
    desired: skillsOf('DESIRED'),
    fte,
    startWeek: span.first,
    endWeek: span.last,
    priority: row.priority,
    openToDevelopment: row.openToDevelopment,
    submittedAt: (row.submittedAt ?? row.createdAt).toISOString(),
  };
}

/** What the engine needs of an analyst over `window` (see `analystInputOf`), with their name and contract. */
export const analystInputFields = (window: WeekSpan) =>
  ({
    id: true,
    name: true,
    organisationId: true,
    contractedFte: true,
    pooledFte: true,
    protectedDevelopmentShare: true,
    leftAt: true,
    skills: { select: { skillId: true, level: true }, orderBy: { skillId: 'asc' } },
    aspirations: { select: { skillId: true, targetLevel: true }, orderBy: { skillId: 'asc' } },
    availabilities: { where: overlapsWindow(window), select: { startWeek: true, endWeek: true, availableFraction: true } },
    interests: { select: { requestId: true }, orderBy: { requestId: 'asc' } },
    allocations: {
      where: holdsCapacity,
      select: {
        fte: true,
        startWeek: true,
        endWeek: true,
        requestId: true,
        request: { select: { projectId: true, project: { select: { organisationId: true } } } },
      },
    },
  }) satisfies Prisma.AnalystSelect;

type AnalystInputRow = Prisma.AnalystGetPayload<{ select: ReturnType<typeof analystInputFields> }>;

function capacitySourceOf(row: AnalystInputRow) {
  return {
    pooledFte: row.pooledFte.toNumber(),
    protectedDevelopmentShare: row.protectedDevelopmentShare.toNumber(),
    // An analyst whose leaving is recorded for a later day is still active, with no time from that week on.
    leftAt: row.leftAt,
    availabilities: row.availabilities.map((availability) => ({
      ...availability,
      availableFraction: availability.availableFraction.toNumber(),
    })),
  };
}

/** The engine's view of an analyst over `window`: remaining capacity, skills, preferences and current work. */
export function analystInputOf(window: WeekSpan, row: AnalystInputRow): AnalystInput {
  const bookings = row.allocations.map((allocation) => ({ ...allocation, fte: allocation.fte.toNumber() }));
  return {
    id: row.id,
    organisationId: row.organisationId,
    capacity: weeklyRemainingTenths(window, { ...capacitySourceOf(row), bookings }).map((tenths) => Math.max(0, tenths)),
    skills: row.skills.map(({ skillId, level }) => ({ skillId, level })),
    aspirations: row.aspirations.map(({ skillId, targetLevel }) => ({ skillId, level: targetLevel })),
    interestRequestIds: row.interests.map((interest) => interest.requestId),
    currentProjectIds: sortedUnique(row.allocations.map((allocation) => allocation.request.projectId)),
    currentOrganisationIds: sortedUnique(row.allocations.map((allocation) => allocation.request.project.organisationId)),
    bookedRequestCount: bookedRequestCounts(window, row.allocations),
  };
}

/** The ICS's active analysts matching `where` as the engine sees them over `window`, with their names. */
export async function loadAnalystInputs(
  prisma: Client,
  { icsId, window, where }: { icsId: string; window: WeekSpan; where: Prisma.AnalystWhereInput },
): Promise<{ analysts: AnalystInput[]; names: Map<string, string> }> {
  const rows = await prisma.analyst.findMany({
    where: { AND: [{ icsId, status: 'ACTIVE' }, where] },
    select: analystInputFields(window),
    orderBy: { id: 'asc' },
  });
  return { analysts: rows.map((row) => analystInputOf(window, row)), names: new Map(rows.map((row) => [row.id, row.name])) };
}

/** Distinct requests an analyst is booked on in each week of the window (for the concurrency cap). */
function bookedRequestCounts(window: WeekSpan, allocations: readonly (WeekSpan & { requestId: string })[]): number[] {
  const perWeek = Array.from({ length: weekCount(window) }, () => new Set<string>());
  for (const allocation of allocations) {
    const span = indexesWithin(window, allocation);
    if (!span) continue;
    for (let week = span.first; week <= span.last; week += 1) perWeek[week]!.add(allocation.requestId);
  }
  return perWeek.map((requests) => requests.size);
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
