import type { OrganisationKind, SizeBand, WorkPreference } from '../../api/src/generated/prisma/enums.ts';
import { FEATURED_ANALYST } from './data/featured-analyst.ts';
import { FIRST_NAMES, LAST_NAMES } from './data/names.ts';
import { ORGANISATIONS, type DemoOrganisation, type OrganisationKey } from './data/organisations.ts';
import { ROLE_PROFILES, type RoleProfileName } from './data/role-profiles.ts';
import type { SkillLevel, SkillName } from './data/skills.ts';
import { CROSS_CUTTING_SKILLS, ORGANISATION_TRACKS, TRACKS, type AnalystBand, type TrackName, type TrackSeed } from './data/tracks.ts';
import type { Random } from './random.ts';
import { weekAt, type PlanningWindow } from './weeks.ts';

export interface PlannedAnalystSkill {
  readonly skill: SkillName;
  readonly level: SkillLevel;
  readonly lastEvidencedAt: Date | null;
}

export interface PlannedAspiration {
  readonly skill: SkillName;
  readonly targetLevel: SkillLevel;
}

export interface PlannedAvailability {
  readonly startWeek: Date;
  readonly endWeek: Date;
  /** 0 = away (leave, secondment), 0.5 = reduced (a peak at the home organisation). */
  readonly availableFraction: 0 | 0.5;
}

export interface PlannedAnalyst {
  readonly email: string;
  readonly name: string;
  readonly organisation: OrganisationKey;
  readonly jobTitle: string;
  readonly band: AnalystBand;
  /** FTE in tenths, so 0.1 steps stay exact. */
  readonly contractedTenths: number;
  readonly pooledTenths: number;
  readonly workPreference: WorkPreference;
  readonly sectorsOfInterest: readonly OrganisationKind[];
  readonly targetRole: RoleProfileName | null;
  readonly skills: readonly PlannedAnalystSkill[];
  readonly aspirations: readonly PlannedAspiration[];
  readonly availability: readonly PlannedAvailability[];
}

const BAND_WEIGHTS: Record<SizeBand, readonly (readonly [AnalystBand, number])[]> = {
  LARGE: [['BAND_5', 18], ['BAND_6', 30], ['BAND_7', 28], ['BAND_8A', 16], ['BAND_8B', 8]],
  MEDIUM: [['BAND_5', 15], ['BAND_6', 35], ['BAND_7', 30], ['BAND_8A', 15], ['BAND_8B', 5]],
  SMALL: [['BAND_6', 50], ['BAND_7', 40], ['BAND_8A', 10]],
};

/** Levels in the analyst's own track's core skills rise with band. */
const CORE_LEVELS: Record<AnalystBand, readonly (readonly [SkillLevel, number])[]> = {
  BAND_5: [[1, 4], [2, 5], [3, 1]],
  BAND_6: [[2, 5], [3, 4], [4, 0.5]],
  BAND_7: [[2, 2], [3, 6], [4, 2]],
  BAND_8A: [[3, 5], [4, 5]],
  BAND_8B: [[3, 3], [4, 7]],
};

const SUPPORTING_LEVELS: Record<AnalystBand, readonly (readonly [SkillLevel, number])[]> = {
  BAND_5: [[1, 7], [2, 3]],
  BAND_6: [[1, 3], [2, 6], [3, 1]],
  BAND_7: [[1, 1], [2, 5], [3, 4]],
  BAND_8A: [[2, 4], [3, 5], [4, 1]],
  BAND_8B: [[2, 3], [3, 5], [4, 2]],
};

const CONTRACTED_TENTHS: readonly (readonly [number, number])[] = [[10, 80], [8, 12], [6, 8]];
const POOLED_SHARE_WEIGHTS = [0, 2, 4, 4, 3, 1, 1]; // index = pooled FTE in tenths
const MAX_POOLED_SHARE = 0.6;
const WORK_PREFERENCES: readonly (readonly [WorkPreference, number])[] = [['HYBRID', 65], ['REMOTE', 25], ['ON_SITE', 10]];
const MAX_SKILLS = 8;

export function planAnalysts(random: Random, window: PlanningWindow): PlannedAnalyst[] {
  const usedNames = new Set([`${FEATURED_ANALYST.firstName} ${FEATURED_ANALYST.lastName}`]);
  return ORGANISATIONS.flatMap((organisation) => {
    const analysts: PlannedAnalyst[] = [];
    if (organisation.key === FEATURED_ANALYST.organisation) analysts.push(featuredAnalyst(organisation, window));
    while (analysts.length < organisation.analystCount) {
      analysts.push(randomAnalyst(random, window, organisation, usedNames));
    }
    return analysts;
  });
}

/** The level an analyst holds a skill at; 0 when they do not hold it. */
export function heldLevel(skills: readonly PlannedAnalystSkill[], skill: SkillName): SkillLevel | 0 {
  return skills.find((held) => held.skill === skill)?.level ?? 0;
}

export function analystEmail(firstName: string, lastName: string, organisation: DemoOrganisation): string {
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z-]/g, '');
  return `${slug(firstName)}.${slug(lastName)}@${organisation.domain}.example`;
}

function featuredAnalyst(organisation: DemoOrganisation, window: PlanningWindow): PlannedAnalyst {
  const analyst = FEATURED_ANALYST;
  return {
    email: analystEmail(analyst.firstName, analyst.lastName, organisation),
    name: `${analyst.firstName} ${analyst.lastName}`,
    organisation: analyst.organisation,
    jobTitle: analyst.jobTitle,
    band: analyst.band,
    contractedTenths: analyst.contractedTenths,
    pooledTenths: analyst.pooledTenths,
    workPreference: 'HYBRID',
    sectorsOfInterest: ['HOSPICE', 'MENTAL_HEALTH_TRUST'],
    targetRole: analyst.targetRole,
    skills: analyst.skills.map(([skill, level]) => ({ skill, level, lastEvidencedAt: level >= 3 ? weekAt(window, -10) : null })),
    aspirations: analyst.aspirations.map(([skill, targetLevel]) => ({ skill, targetLevel })),
    availability: [{ startWeek: weekAt(window, 7), endWeek: weekAt(window, 8), availableFraction: 0 }],
  };
}

function randomAnalyst(random: Random, window: PlanningWindow, organisation: DemoOrganisation, usedNames: Set<string>): PlannedAnalyst {
  const [firstName, lastName] = uniqueName(random, usedNames);
  const track = random.weighted(ORGANISATION_TRACKS[organisation.key]);
  const band = random.weighted(BAND_WEIGHTS[organisation.sizeBand]);
  const contractedTenths = random.weighted(CONTRACTED_TENTHS);
  const skills = planSkills(random, window, track, band);
  const nextRoles: TrackSeed['nextRole'] = TRACKS[track].nextRole;
  const targetRole = random.chance(0.05) ? null : (nextRoles[band] ?? null);
  return {
    email: analystEmail(firstName, lastName, organisation),
    name: `${firstName} ${lastName}`,
    organisation: organisation.key,
    jobTitle: TRACKS[track].titles[band],
    band,
    contractedTenths,
    pooledTenths: pooledTenths(random, contractedTenths),
    workPreference: random.weighted(WORK_PREFERENCES),
    sectorsOfInterest: sectorsOfInterest(random, organisation.kind),
    targetRole,
    skills,
    aspirations: planAspirations(random, track, skills, targetRole),
    availability: planAvailability(random, window),
  };
}

function uniqueName(random: Random, usedNames: Set<string>): readonly [string, string] {
  for (;;) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const fullName = `${firstName} ${lastName}`;
    if (!usedNames.has(fullName)) {
      usedNames.add(fullName);
      return [firstName, lastName];
    }
  }
}

/** Between 0.1 FTE and 60 % of contracted time, in 0.1 steps. */
function pooledTenths(random: Random, contractedTenths: number): number {
  const maximum = Math.floor(contractedTenths * MAX_POOLED_SHARE + 1e-9);
  const options = POOLED_SHARE_WEIGHTS.slice(1, maximum + 1).map((weight, index) => [index + 1, weight] as const);
  return random.weighted(options);
}

function planSkills(random: Random, window: PlanningWindow, track: TrackName, band: AnalystBand): PlannedAnalystSkill[] {
  const { core, secondary } = TRACKS[track];
  const coreSkills = random.sample(core, random.int(2, Math.min(4, core.length)));
  const secondarySkills = random.sample(secondary, random.int(1, 3));
  const crossCutting = random.sample(CROSS_CUTTING_SKILLS, random.int(0, 2));
  const chosen = [
    ...coreSkills.map((skill) => [skill, CORE_LEVELS[band]] as const),
    ...[...secondarySkills, ...crossCutting].map((skill) => [skill, SUPPORTING_LEVELS[band]] as const),
  ].slice(0, MAX_SKILLS);
  return chosen.map(([skill, levels]) => {
    const level = random.weighted(levels);
    const evidenced = level >= 2 && random.chance(0.4);
    return { skill, level, lastEvidencedAt: evidenced ? weekAt(window, -random.int(4, 78)) : null };
  });
}

/** Aspirations close the gap to the target role first, then deepen the analyst's own track. */
function planAspirations(
  random: Random,
  track: TrackName,
  skills: readonly PlannedAnalystSkill[],
  targetRole: RoleProfileName | null,
): PlannedAspiration[] {
  const levelOf = (skill: SkillName) => heldLevel(skills, skill);
  const requirements: Partial<Record<SkillName, SkillLevel>> =
    ROLE_PROFILES.find((profile) => profile.name === targetRole)?.requirements ?? {};
  const roleGaps = (Object.entries(requirements) as [SkillName, SkillLevel][])
    .filter(([skill, level]) => levelOf(skill) < level)
    .map(([skill, level]) => ({ skill, targetLevel: Math.min(level, nextStep(levelOf(skill))) as SkillLevel }));
  const trackGrowth = [...TRACKS[track].core, ...TRACKS[track].secondary]
    .filter((skill) => levelOf(skill) < 4)
    .map((skill) => ({ skill, targetLevel: nextStep(levelOf(skill)) }));
  const candidates = [...random.sample(roleGaps, roleGaps.length), ...random.sample(trackGrowth, trackGrowth.length)];
  const distinct = candidates.filter((candidate, index) => candidates.findIndex((other) => other.skill === candidate.skill) === index);
  return distinct.slice(0, random.int(1, 3));
}

/** One level up; a skill not yet held starts at Working level. */
function nextStep(level: number): SkillLevel {
  return Math.max(2, Math.min(4, level + 1)) as SkillLevel;
}

const ORGANISATION_KINDS = [...new Set(ORGANISATIONS.map((organisation) => organisation.kind))];

function sectorsOfInterest(random: Random, ownKind: OrganisationKind): OrganisationKind[] {
  const others = ORGANISATION_KINDS.filter((kind) => kind !== ownKind);
  return random.sample(others, random.weighted([[0, 3], [1, 4], [2, 3], [3, 1]])).sort();
}

/** About one analyst in five has leave in one half of the window, some also a reduced spell in the other. */
function planAvailability(random: Random, window: PlanningWindow): PlannedAvailability[] {
  if (!random.chance(0.2)) return [];
  const middle = Math.floor(window.weekCount / 2);
  const halves = random.sample([[1, middle - 1], [middle, window.weekCount - 1]] as const, 2);
  const [leaveHalf, reducedHalf] = halves as [readonly [number, number], readonly [number, number]];
  const leaveStart = random.int(leaveHalf[0], leaveHalf[1] - 1);
  const availability: PlannedAvailability[] = [
    { startWeek: weekAt(window, leaveStart), endWeek: weekAt(window, leaveStart + random.int(0, 1)), availableFraction: 0 },
  ];
  if (random.chance(0.4)) {
    const reducedStart = random.int(reducedHalf[0], reducedHalf[1] - 4);
    const reducedEnd = Math.min(reducedHalf[1], reducedStart + random.int(3, 7));
    availability.push({ startWeek: weekAt(window, reducedStart), endWeek: weekAt(window, reducedEnd), availableFraction: 0.5 });
  }
  return availability;
}
