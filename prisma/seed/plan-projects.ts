import type { RequestPriority } from '../../api/src/generated/prisma/enums.ts';
import type { OrganisationKey } from './data/organisations.ts';
import { PROJECTS, type RequestSeed } from './data/projects.ts';
import { SKILL_LEVEL_NAMES, type SkillLevel, type SkillName } from './data/skills.ts';
import type { Random } from './random.ts';
import { weekAt, type PlanningWindow } from './weeks.ts';

export interface PlannedRequestSkill {
  readonly skill: SkillName;
  readonly minLevel: SkillLevel;
}

export interface PlannedRequest {
  readonly title: string;
  readonly description: string;
  readonly fteTenths: number;
  readonly startWeek: Date;
  readonly endWeek: Date;
  readonly priority: RequestPriority;
  readonly openToDevelopment: boolean;
  readonly status: 'DRAFT' | 'SUBMITTED';
  readonly submittedAt: Date | null;
  readonly required: readonly PlannedRequestSkill[];
  readonly desired: readonly PlannedRequestSkill[];
}

export interface PlannedProject {
  readonly organisation: OrganisationKey;
  readonly title: string;
  readonly purpose: string;
  readonly expectedBenefit: string;
  readonly status: 'DRAFT' | 'ACTIVE';
  readonly requests: readonly PlannedRequest[];
}

const FTE_TENTHS: readonly (readonly [number, number])[] = [[2, 3], [3, 3], [4, 3], [5, 3], [6, 2], [7, 1], [8, 1], [10, 1]];
const PRIORITIES: readonly (readonly [RequestPriority, number])[] = [['MEDIUM', 5], ['HIGH', 3], ['LOW', 2], ['CRITICAL', 1]];
const MIN_WEEKS = 4;
const MAX_WEEKS = 20;
const DESIRED_MIN_LEVEL = 2;

export function planProjects(random: Random, window: PlanningWindow): PlannedProject[] {
  return PROJECTS.map((project) => ({
    organisation: project.organisation,
    title: project.title,
    purpose: project.purpose,
    expectedBenefit: project.expectedBenefit,
    status: project.draft ? 'DRAFT' : 'ACTIVE',
    requests: project.requests.map((request) => planRequest(random, window, request, project.draft ?? false)),
  }));
}

/** A span of 4–20 weeks that starts next week at the earliest and ends within the window. */
function planRequest(random: Random, window: PlanningWindow, request: RequestSeed, projectIsDraft: boolean): PlannedRequest {
  const weeks = random.int(MIN_WEEKS, MAX_WEEKS);
  const start = random.int(1, window.weekCount - weeks);
  const status = projectIsDraft || random.chance(0.08) ? 'DRAFT' : 'SUBMITTED';
  const submittedAt = status === 'SUBMITTED' ? submittedBefore(random, window) : null;
  const required = request.required.map(([skill, minLevel]) => ({ skill, minLevel }));
  const desired = (request.desired ?? []).map((skill) => ({ skill, minLevel: DESIRED_MIN_LEVEL as SkillLevel }));
  const drawnOpenToDevelopment = random.chance(0.25);
  return {
    title: request.title,
    description: describe(required, desired),
    fteTenths: random.weighted(FTE_TENTHS),
    startWeek: weekAt(window, start),
    endWeek: weekAt(window, start + weeks - 1),
    priority: random.weighted(PRIORITIES),
    openToDevelopment: request.openToDevelopment ?? drawnOpenToDevelopment,
    status,
    submittedAt,
    required,
    desired,
  };
}

/** Office hours on a weekday of the last six weeks. */
function submittedBefore(random: Random, window: PlanningWindow): Date {
  const monday = weekAt(window, -random.int(1, 6));
  return new Date(monday.getTime() + (random.int(0, 4) * 24 + random.int(9, 16)) * 3_600_000);
}

function describe(required: readonly PlannedRequestSkill[], desired: readonly PlannedRequestSkill[]): string {
  const needs = required.map(({ skill, minLevel }) => `${skill} at ${SKILL_LEVEL_NAMES[minLevel - 1]} level or above`);
  const wants = desired.length > 0 ? ` Would benefit from ${joinList(desired.map(({ skill }) => skill))}.` : '';
  return `Needs ${joinList(needs)}.${wants}`;
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
