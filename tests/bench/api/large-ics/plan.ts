import type { OrganisationKind, RequestStatus, SkillCategory } from '../../../../api/src/generated/prisma/enums.ts';
import { addWeeksTo, mondayOf } from '../../../../api/src/domain/weeks.ts';
import type { AnalystInput, MatchingInput, RequestInput } from '../../../../api/src/matching/types.ts';
import { FIRST_NAMES, LAST_NAMES } from '../../../../prisma/seed/data/names.ts';
import { createRandom, type Random } from '../../../../prisma/seed/random.ts';
import { bookAllocations, isDraft, MAX_REQUEST_TENTHS, planAllocation, planRuns, type PlannedAllocation, type PlannedRun } from './plan-allocations.ts';
import { KIND_LABELS, ORGANISATION_KINDS, PROJECT_TOPICS, SKILL_NAMES, TOWNS } from './vocabulary.ts';

// One ICS of the engine benchmark's generator (tests/bench/matching/scenarios.ts) turned into the rows a live
// database holds after it has been used for a while: weeks before `today` are history (completed allocations
// with feedback), this week's work is active, later work accepted or still proposed. Plain data, no ids yet.

export interface IcsTimeline {
  /** Weeks of the generated input that lie before this week; the rest are this week and later. */
  pastWeeks: number;
  today: Date;
}

const BANDS = ['BAND_5', 'BAND_6', 'BAND_7', 'BAND_8A', 'BAND_8B'] as const;
const DAY_MS = 86_400_000;

export interface PlannedOrganisation { key: string; name: string; odsCode: string; kind: OrganisationKind; headcount: number }
export interface PlannedAnalyst {
  key: string; organisationKey: string; name: string; email: string; band: (typeof BANDS)[number];
  contractedTenths: number; pooledTenths: number;
  skills: { skillKey: string; level: number }[]; aspirations: { skillKey: string; targetLevel: number }[];
  /** Weeks away or reduced, as spans of Mondays. */
  availability: { startWeek: Date; endWeek: Date; availableFraction: number }[];
}
export interface PlannedRequest {
  key: string; projectKey: string; title: string; fteTenths: number; startWeek: Date; endWeek: Date;
  priority: RequestInput['priority']; openToDevelopment: boolean; status: RequestStatus; submittedAt: Date | null;
  required: { skillKey: string; minLevel: number }[]; desired: { skillKey: string; minLevel: number }[];
}
export interface PlannedProject { key: string; organisationKey: string; title: string; status: 'ACTIVE' | 'COMPLETED' | 'DRAFT' }

export interface IcsPlan {
  organisations: PlannedOrganisation[];
  skills: { key: string; name: string; category: SkillCategory }[];
  analysts: PlannedAnalyst[];
  projects: PlannedProject[];
  requests: PlannedRequest[];
  interests: { analystKey: string; requestKey: string }[];
  runs: PlannedRun[];
  allocations: PlannedAllocation[];
  /** The organisation of the workforce lead (the ICB, else the first). */
  workforceLeadOrganisationKey: string;
}

export function planIcs(input: MatchingInput, timeline: IcsTimeline, seed: number): IcsPlan {
  const random = createRandom(seed);
  const firstMonday = addWeeksTo(mondayOf(timeline.today), -timeline.pastWeeks);
  const monday = (index: number) => addWeeksTo(firstMonday, index);
  const organisations = input.organisations.map((organisation, index) => planOrganisation(organisation.id, index, input.analysts, seed));
  const analysts = input.analysts.map((analyst, index) => planAnalyst(random, analyst, index, seed, monday));
  const projectOrganisation = new Map<string, string>();
  for (const request of input.requests) if (!projectOrganisation.has(request.projectId)) projectOrganisation.set(request.projectId, request.organisationId);

  const booking = bookAllocations(random, input, projectOrganisation, timeline.pastWeeks);
  const requests = input.requests.map((request, index) => planRequest(random, request, index, booking.filled.get(request.id) ?? 0, timeline.pastWeeks, monday));
  const projects = [...projectOrganisation].map(([key, organisationKey], index): PlannedProject => {
    const own = requests.filter((request) => request.projectKey === key);
    const status = own.every((request) => request.status === 'DRAFT') ? 'DRAFT' : own.every((request) => request.status === 'COMPLETED') ? 'COMPLETED' : 'ACTIVE';
    return { key, organisationKey, title: `${PROJECT_TOPICS[index % PROJECT_TOPICS.length]} ${Math.floor(index / PROJECT_TOPICS.length) + 1}`, status };
  });
  const runs = planRuns(input.weekCount, timeline.pastWeeks, monday);
  const allocations = booking.allocations.map((booked) => planAllocation(random, booked, timeline.pastWeeks, runs, monday));

  const skillKeys = [...new Set(input.analysts.flatMap((analyst) => analyst.skills.map((skill) => skill.skillId)))];
  for (const request of input.requests) for (const skill of [...request.required, ...request.desired]) if (!skillKeys.includes(skill.skillId)) skillKeys.push(skill.skillId);
  return {
    organisations,
    skills: skillKeys.map((key) => ({ key, ...(SKILL_NAMES[key] ?? { name: key, category: 'STATISTICS' as const }) })),
    analysts,
    projects,
    requests,
    interests: input.analysts.flatMap((analyst) => analyst.interestRequestIds.map((requestKey) => ({ analystKey: analyst.id, requestKey }))),
    runs,
    allocations,
    workforceLeadOrganisationKey: organisations.find((organisation) => organisation.kind === 'ICB')?.key ?? organisations[0]!.key,
  };
}

function planOrganisation(key: string, index: number, analysts: readonly AnalystInput[], seed: number): PlannedOrganisation {
  const kind = ORGANISATION_KINDS[key.replace(/^.*org-\d+-/, '')] ?? 'VCSE';
  const own = analysts.filter((analyst) => analyst.organisationId === key).length;
  return {
    key,
    kind,
    name: `${TOWNS[(index + seed) % TOWNS.length]} ${KIND_LABELS[kind]} ${index + 1}`,
    odsCode: `X${String(index).padStart(3, '0')}`,
    headcount: 150 + own * 180,
  };
}

function planAnalyst(random: Random, analyst: AnalystInput, index: number, seed: number, monday: (index: number) => Date): PlannedAnalyst {
  const pooledTenths = Math.max(...analyst.capacity);
  const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]!;
  return {
    key: analyst.id,
    organisationKey: analyst.organisationId,
    name: `${first} ${last}`,
    email: `analyst.${index}.${seed}@${analyst.organisationId.replace(/[^a-z0-9]+/g, '-')}.example`,
    band: random.pick(BANDS),
    contractedTenths: Math.min(10, pooledTenths + random.int(2, 6)),
    pooledTenths,
    skills: analyst.skills.map((skill) => ({ skillKey: skill.skillId, level: skill.level })),
    aspirations: analyst.aspirations.map((aspiration) => ({ skillKey: aspiration.skillId, targetLevel: aspiration.level })),
    availability: reducedSpans(analyst.capacity, pooledTenths).map(({ first: from, last: to, fraction }) => ({
      startWeek: monday(from), endWeek: monday(to), availableFraction: fraction,
    })),
  };
}

/** Runs of weeks below the analyst's usual capacity, as the engine's generator made them. */
function reducedSpans(capacity: readonly number[], full: number): { first: number; last: number; fraction: number }[] {
  const spans: { first: number; last: number; fraction: number }[] = [];
  capacity.forEach((tenths, week) => {
    if (tenths >= full) return;
    const fraction = full > 0 ? Math.round((tenths / full) * 100) / 100 : 0;
    const previous = spans.at(-1);
    if (previous && previous.last === week - 1 && previous.fraction === fraction) previous.last = week;
    else spans.push({ first: week, last: week, fraction });
  });
  return spans;
}

function planRequest(random: Random, request: RequestInput, index: number, filled: number, pastWeeks: number, monday: (index: number) => Date): PlannedRequest {
  const fteTenths = Math.min(MAX_REQUEST_TENTHS, request.fte);
  const status: RequestStatus = isDraft(request, pastWeeks)
    ? 'DRAFT'
    : request.endWeek < pastWeeks
      ? 'COMPLETED'
      : request.startWeek <= pastWeeks && filled > 0
        ? 'ACTIVE'
        : filled >= fteTenths
          ? 'MATCHED'
          : filled > 0
            ? 'PARTIALLY_MATCHED'
            : 'SUBMITTED';
  // Submitted a few weeks before the work starts.
  const submittedAt = new Date(monday(request.startWeek).getTime() - random.int(14, 60) * DAY_MS);
  return {
    key: request.id,
    projectKey: request.projectId,
    title: `Analysis ${index + 1}: ${request.required.map((skill) => SKILL_NAMES[skill.skillId]?.name ?? skill.skillId).join(' and ')}`,
    fteTenths,
    startWeek: monday(request.startWeek),
    endWeek: monday(request.endWeek),
    priority: request.priority,
    openToDevelopment: request.openToDevelopment,
    status,
    submittedAt: status === 'DRAFT' ? null : submittedAt,
    required: request.required.map((skill) => ({ skillKey: skill.skillId, minLevel: skill.level })),
    desired: request.desired.map((skill) => ({ skillKey: skill.skillId, minLevel: skill.level })),
  };
}

