import type { Explanation, FairnessExplanation, SkillFitExplanation } from '../../matching/types.ts';
import type { MatchingNames } from './load-input.ts';

/**
 * An engine explanation as stored on an allocation: the names it refers to are written beside their ids
 * (and in place of ids in its sentences), so it reads as it did when the run was made, without a lookup
 * per proposal.
 */
export interface StoredExplanation extends Explanation {
  skills: (SkillFitExplanation & { skillName: string })[];
  nextCandidate: (NonNullable<Explanation['nextCandidate']> & { analystName: string }) | null;
  fairness: FairnessExplanation & { organisationName: string };
  development: (NonNullable<Explanation['development']> & { skillName: string }) | null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function withNames(explanation: Explanation, names: MatchingNames): StoredExplanation {
  const { skills, nextCandidate, fairness, development } = explanation;
  const nameOf = (id: string, fallback: string) =>
    names.analysts.get(id) ?? names.skills.get(id) ?? names.organisations.get(id) ?? fallback;
  const readable = (text: string) => text.replace(UUID, (id) => nameOf(id.toLowerCase(), id));
  return {
    ...explanation,
    summary: readable(explanation.summary),
    skills: skills.map((skill) => ({ ...skill, skillName: nameOf(skill.skillId, 'Unknown skill') })),
    nextCandidate: nextCandidate && {
      ...nextCandidate,
      reason: readable(nextCandidate.reason),
      analystName: nameOf(nextCandidate.analystId, 'Unknown analyst'),
    },
    fairness: { ...fairness, text: readable(fairness.text), organisationName: nameOf(fairness.organisationId, 'Unknown organisation') },
    development: development && { ...development, text: readable(development.text), skillName: nameOf(development.skillId, 'Unknown skill') },
  };
}
