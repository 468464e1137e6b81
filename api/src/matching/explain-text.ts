import type { FairnessExplanation, MatchingInput, SkillFitExplanation } from './types.ts';

// Plain-English pieces of explanations, for people who do not read FTE arithmetic every day.

const LEVEL_NAMES = ['no level', 'Awareness', 'Working', 'Practitioner', 'Expert'] as const;

export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? `level ${level}`;
}

export interface Names {
  skill(skillId: string): string;
  analyst(analystId: string): string;
  organisation(organisationId: string): string;
}

export function namesOf(input: MatchingInput): Names {
  const analysts = new Map(input.analysts.map((analyst) => [analyst.id, analyst.name ?? analyst.id]));
  const organisations = new Map(input.organisations.map((organisation) => [organisation.id, organisation.name]));
  return {
    skill: (skillId) => input.skillNames?.[skillId] ?? skillId,
    analyst: (analystId) => analysts.get(analystId) ?? analystId,
    organisation: (organisationId) => organisations.get(organisationId) ?? organisationId,
  };
}

/** "A, B and C". */
export function listed(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const fteWeeks = (value: number) => `${value.toFixed(1)} FTE-weeks`;

/** "Statistical modelling at Expert (needs Practitioner)" for each must-have skill. */
export function skillsText(skills: SkillFitExplanation[], names: Names): string {
  const required = skills
    .filter((skill) => skill.kind === 'REQUIRED')
    .map((skill) => `${names.skill(skill.skillId)} at ${levelName(skill.analystLevel)} (needs ${levelName(skill.wantedLevel)})`);
  const desired = skills
    .filter((skill) => skill.kind === 'DESIRED' && skill.analystLevel >= skill.wantedLevel)
    .map((skill) => names.skill(skill.skillId));
  const parts = [required.length > 0 ? listed(required) : 'this request, which needs no particular skill'];
  if (desired.length > 0) parts.push(`also brings ${listed(desired)}`);
  return parts.join('; ');
}

export function fairnessText(fairness: Omit<FairnessExplanation, 'text'>, names: Names): string {
  const organisation = names.organisation(fairness.organisationId);
  const fairClaim = Math.min(fairness.claim, fairness.entitlement);
  switch (fairness.bound) {
    case 'DEMAND_MET':
      return `${organisation} asked for ${fteWeeks(fairness.claim)} and received all of it.`;
    case 'FAIR_SHARE':
      return (
        `${organisation} received ${fteWeeks(fairness.received)} of the ${fteWeeks(fairness.claim)} it asked for, ` +
        `at least its fair share of ${fteWeeks(fairness.entitlement)}; more would have come out of other partners' fair shares.`
      );
    case 'SKILL_BOTTLENECK':
      return (
        `${organisation} received ${fteWeeks(fairness.received)} against a fair claim of ${fteWeeks(fairClaim)}: ` +
        `the pooled analysts with the skills its requests need had no more time to give without taking from partners served less well.`
      );
  }
}
