import type { AnalystInput, MatchingInput, OrganisationInput, RequestInput, SkillLevel } from '../../../api/src/matching/types.ts';
import { createRandom, type Random } from '../../../prisma/seed/random.ts';

// Deterministic synthetic ICSs for the engine benchmark and its tests: the same family, size and seed always
// give the same input. Families stress one thing each:
//   balanced          demand ≈ 90 % of supply, skills in demand roughly as they are held
//   scarce            demand ≈ 2 × supply
//   dominant-partner  the largest acute trust posts 60 % of demand, all of it submitted before anyone else's
//   rare-skill        one skill is held by 3 analysts and required by a tenth of the requests
//   leave-heavy       a third of the pool's weeks are lost to leave and reduced availability

export const FAMILIES = ['balanced', 'scarce', 'dominant-partner', 'rare-skill', 'leave-heavy'] as const;
export type Family = (typeof FAMILIES)[number];

export interface IcsSize {
  analysts: number;
  requests: number;
  weeks: number;
  organisations: number;
}

export const ICS_SIZE: IcsSize = { analysts: 300, requests: 150, weeks: 26, organisations: 15 };
export const LARGE_ICS_SIZE: IcsSize = { analysts: 1_000, requests: 500, weeks: 26, organisations: 25 };
export const ENGLAND = { icss: 42, analysts: 12_000, requests: 6_000, weeks: 26 } as const;

interface Traits {
  demandRatio: number;
  dominantShare: number | null;
  rareSkillHolders: number | null;
  /** Share of each analyst's weeks on leave or reduced availability. */
  leaveShare: number;
}

const TRAITS: Record<Family, Traits> = {
  balanced: { demandRatio: 0.9, dominantShare: null, rareSkillHolders: null, leaveShare: 0.06 },
  scarce: { demandRatio: 2, dominantShare: null, rareSkillHolders: null, leaveShare: 0.06 },
  'dominant-partner': { demandRatio: 1.2, dominantShare: 0.6, rareSkillHolders: null, leaveShare: 0.06 },
  'rare-skill': { demandRatio: 0.9, dominantShare: null, rareSkillHolders: 3, leaveShare: 0.06 },
  'leave-heavy': { demandRatio: 0.9, dominantShare: null, rareSkillHolders: null, leaveShare: 0.33 },
};

/** Skills and how commonly they are held and asked for. */
const SKILLS: readonly (readonly [string, number])[] = [
  ['sql', 10], ['dashboards', 9], ['excel-modelling', 7], ['statistics', 7], ['python', 6], ['r', 4],
  ['data-engineering', 4], ['population-health', 4], ['forecasting', 3], ['machine-learning', 3],
  ['information-governance', 3], ['geospatial', 2], ['health-economics', 2], ['survey-design', 2],
  ['nlp', 1], ['change-management', 2],
];
const RARE_SKILL = 'causal-inference';

/** Organisation kinds in the order an ICS's partners are listed: share of analysts, of demand, and need. */
const KINDS: readonly { kind: string; analysts: number; demand: number; need: number }[] = [
  { kind: 'acute-trust', analysts: 4, demand: 3, need: 1 },
  { kind: 'icb', analysts: 3, demand: 2, need: 1 },
  { kind: 'acute-trust', analysts: 3, demand: 2.5, need: 1 },
  { kind: 'mental-health-trust', analysts: 2, demand: 2, need: 2 },
  { kind: 'community-trust', analysts: 1.5, demand: 1.5, need: 2 },
  { kind: 'primary-care', analysts: 0.3, demand: 1, need: 4 },
  { kind: 'local-authority', analysts: 1, demand: 1.5, need: 3 },
  { kind: 'hospice', analysts: 0, demand: 0.7, need: 5 },
  { kind: 'vcse', analysts: 0, demand: 0.7, need: 5 },
  { kind: 'ambulance-trust', analysts: 1, demand: 1, need: 2 },
  { kind: 'social-care', analysts: 0, demand: 1, need: 5 },
  { kind: 'primary-care', analysts: 0.3, demand: 1, need: 4 },
  { kind: 'local-authority', analysts: 1, demand: 1.2, need: 3 },
  { kind: 'vcse', analysts: 0, demand: 0.5, need: 5 },
  { kind: 'primary-care', analysts: 0.3, demand: 0.8, need: 4 },
];

const SUBMISSIONS_FROM = Date.UTC(2026, 9, 1);
const DAY_MS = 86_400_000;

export function generateIcs(family: Family, size: IcsSize, seed: number, idPrefix = ''): MatchingInput {
  const random = createRandom(seed);
  const traits = TRAITS[family];
  const kinds = Array.from({ length: size.organisations }, (_, index) => KINDS[index % KINDS.length]!);
  const organisationIds = kinds.map((kind, index) => `${idPrefix}org-${String(index).padStart(2, '0')}-${kind.kind}`);

  const analysts = Array.from({ length: size.analysts }, (_, index) =>
    generateAnalyst(random, `${idPrefix}analyst-${String(index).padStart(4, '0')}`, size.weeks, traits, () =>
      random.weighted(organisationIds.map((id, o) => [id, kinds[o]!.analysts] as const)),
    ),
  );
  if (traits.rareSkillHolders !== null) {
    for (const holder of random.sample(analysts, traits.rareSkillHolders)) holder.skills.push({ skillId: RARE_SKILL, level: random.int(3, 4) });
  }

  const supply = analysts.reduce((sum, analyst) => sum + analyst.capacity.reduce((a, b) => a + b, 0), 0);
  const requests = generateRequests(random, analysts, size, traits, organisationIds, kinds.map((kind) => kind.demand), supply * traits.demandRatio, idPrefix);
  for (const analyst of analysts) {
    analyst.interestRequestIds = random.sample(requests, random.int(0, 3)).map((request) => request.id);
    analyst.currentProjectIds = random.sample(requests, random.int(0, 1)).map((request) => request.projectId);
    analyst.currentOrganisationIds = random.sample(organisationIds, random.int(0, 2));
  }

  const organisations = organisationIds.map((id, index): OrganisationInput => ({
    id,
    name: `${kinds[index]!.kind} ${index}`,
    contribution: analysts.filter((analyst) => analyst.organisationId === id).reduce((sum, analyst) => sum + analyst.capacity.reduce((a, b) => a + b, 0), 0) / 10,
    need: kinds[index]!.need,
    credit: random.chance(0.2) ? random.int(1, 20) : 0,
  }));

  return {
    weekCount: size.weeks,
    analysts,
    requests,
    organisations,
    policy: { alpha: 0.4, beta: 0.4, gamma: 0.2, maxConcurrentRequests: 3, developmentShareCap: 0.5, homeRequestsDrawOnPool: false },
  };
}

/** England: 42 ICSs of varied size (about 12,000 analysts and 6,000 requests in all), each solved on its own. */
export function generateEngland(family: Family, seed: number): MatchingInput[] {
  const random = createRandom(seed);
  const scales = Array.from({ length: ENGLAND.icss }, () => 0.5 + random.next());
  const total = scales.reduce((sum, scale) => sum + scale, 0);
  return scales.map((scale, index) => {
    const analysts = Math.round((ENGLAND.analysts * scale) / total);
    const size: IcsSize = {
      analysts,
      requests: Math.round((ENGLAND.requests * scale) / total),
      weeks: ENGLAND.weeks,
      organisations: Math.min(25, Math.max(10, Math.round(analysts / 20))),
    };
    return generateIcs(family, size, seed * 1_000 + index, `ics-${String(index).padStart(2, '0')}-`);
  });
}

function generateAnalyst(random: Random, id: string, weeks: number, traits: Traits, homeOrganisation: () => string): AnalystInput {
  const pooledTenths = random.weighted([[2, 2], [3, 3], [4, 3], [5, 2], [8, 1]] as const);
  const capacity = new Array<number>(weeks).fill(pooledTenths);
  let weeksOff = Math.round(weeks * traits.leaveShare * (0.5 + random.next()));
  while (weeksOff > 0) {
    const length = Math.min(weeksOff, random.int(1, 4));
    const start = random.int(0, weeks - length);
    const fraction = random.chance(0.7) ? 0 : 0.5;
    for (let week = start; week < start + length; week += 1) capacity[week] = Math.min(capacity[week]!, Math.floor(pooledTenths * fraction));
    weeksOff -= length;
  }
  const skills = random.sample(SKILLS, random.int(3, 6)).map(([skillId]) => ({ skillId, level: random.weighted([[1, 1], [2, 3.5], [3, 4], [4, 1.5]] as const) }));
  const aspirations = random
    .sample(skills.filter((skill) => skill.level < 4), random.int(0, 2))
    .map((skill) => ({ skillId: skill.skillId, level: skill.level + 1 }));
  const booked = random.chance(0.3) ? 1 : 0;
  return {
    id,
    organisationId: homeOrganisation(),
    capacity,
    skills,
    aspirations,
    interestRequestIds: [],
    currentProjectIds: [],
    currentOrganisationIds: [],
    bookedRequestCount: new Array<number>(weeks).fill(booked),
  };
}

function generateRequests(
  random: Random,
  analysts: readonly AnalystInput[],
  size: IcsSize,
  traits: Traits,
  organisationIds: string[],
  demandWeights: number[],
  targetTenthWeeks: number,
  idPrefix: string,
): RequestInput[] {
  // The dominant partner (the first, largest acute trust) gets its 60 % of demand through the number of its requests.
  const dominantCount = traits.dominantShare === null ? 0 : Math.round(size.requests * traits.dominantShare);
  const rareCount = traits.rareSkillHolders === null ? 0 : Math.round(size.requests / 10);
  const drafts = Array.from({ length: size.requests }, (_, index) => {
    const organisationId =
      index < dominantCount
        ? organisationIds[0]!
        : random.weighted(organisationIds.map((id, o) => [id, traits.dominantShare === null || o > 0 ? demandWeights[o]! : 0] as const));
    const duration = random.int(Math.min(4, size.weeks), Math.min(16, size.weeks));
    const startWeek = random.int(0, size.weeks - duration);
    const rare = index >= dominantCount && index < dominantCount + rareCount;
    const required = rare ? [{ skillId: RARE_SKILL, level: 3 }] : servableSkills(random, analysts, organisationId);
    const desired = weightedDistinct(random, 2)
      .filter((skillId) => !required.some((skill) => skill.skillId === skillId))
      .slice(0, random.int(0, 2))
      .map((skillId) => ({ skillId, level: random.int(2, 3) }));
    // Dominant requests are submitted in the first week; everyone else's over the following month.
    const submittedDay = index < dominantCount ? random.next() * 7 : 7 + random.next() * 30;
    return {
      id: `${idPrefix}request-${String(index).padStart(4, '0')}`,
      organisationId,
      projectId: `${idPrefix}project-${String(Math.floor(index / 2)).padStart(4, '0')}`,
      required,
      desired,
      size: 0.5 + random.next(),
      startWeek,
      endWeek: startWeek + duration - 1,
      priority: random.weighted([['LOW', 1], ['MEDIUM', 4], ['HIGH', 2], ['CRITICAL', 0.5]] as const),
      openToDevelopment: random.chance(0.4),
      submittedAt: new Date(SUBMISSIONS_FROM + submittedDay * DAY_MS).toISOString(),
    };
  });
  // FTE per week scaled so total demand is the family's share of supply, the dominant partner's part of it exact.
  const dominantShare = traits.dominantShare ?? 0;
  const scaleOf = (from: number, to: number, share: number) => {
    const raw = drafts.slice(from, to).reduce((sum, draft) => sum + draft.size * (draft.endWeek - draft.startWeek + 1), 0);
    return raw > 0 ? (targetTenthWeeks * share) / raw : 0;
  };
  const dominantScale = scaleOf(0, dominantCount, dominantShare);
  const otherScale = scaleOf(dominantCount, drafts.length, 1 - dominantShare);
  return drafts.map(({ size: relative, ...draft }, index) => ({
    ...draft,
    fte: Math.max(1, Math.round(relative * (index < dominantCount ? dominantScale : otherScale))),
  }));
}

/** Partners ask for what the pool can offer: must-haves that at least a few analysts of other organisations meet. */
const MIN_QUALIFIED = 3;
const FALLBACK_REQUIRED: SkillLevel[] = [{ skillId: 'sql', level: 2 }];

function servableSkills(random: Random, analysts: readonly AnalystInput[], organisationId: string): SkillLevel[] {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const required = random
      .sample(weightedDistinct(random, 3), random.int(1, 2))
      .map((skillId) => ({ skillId, level: random.weighted([[2, 5], [3, 4], [4, 1]] as const) }));
    const qualified = analysts.filter(
      (analyst) =>
        analyst.organisationId !== organisationId &&
        required.every((skill) => analyst.skills.some((held) => held.skillId === skill.skillId && held.level >= skill.level)),
    );
    if (qualified.length >= MIN_QUALIFIED) return required;
  }
  return FALLBACK_REQUIRED;
}

/** Up to `count` distinct skills drawn by how commonly they are asked for. */
function weightedDistinct(random: Random, count: number): string[] {
  const chosen = new Set<string>();
  for (let attempt = 0; attempt < count * 4 && chosen.size < count; attempt += 1) chosen.add(random.weighted(SKILLS));
  return [...chosen];
}
