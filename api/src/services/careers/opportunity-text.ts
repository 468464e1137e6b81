import { skillLevelLabel } from '../../domain/skill-levels.ts';
import type { Opportunity } from './opportunities.ts';

// The reasons an opportunity is offered, in sentences an analyst can read.

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function fte(value: number): string {
  return `${value.toFixed(1)} FTE`;
}

export function explainOpportunity(opportunity: Omit<Opportunity, 'explanation'>): string[] {
  const sentences: string[] = [];
  const required = opportunity.skills.filter((skill) => skill.kind === 'REQUIRED');
  const met = required.filter((skill) => skill.yourLevel >= skill.wantedLevel);
  const { development } = opportunity;

  if (required.length === 0) sentences.push('It has no must-have skills.');
  else if (met.length > 0) {
    const described = met.map((skill) => `${skill.skillName} (you are ${skillLevelLabel(skill.yourLevel)}, it needs ${skillLevelLabel(skill.wantedLevel)})`);
    sentences.push(`You meet ${met.length === required.length ? 'every' : met.length} must-have skill${met.length === 1 ? '' : 's'}: ${list(described)}.`);
  }
  if (development) {
    sentences.push(
      `It would be a development placement: you are one level short on ${development.skillName} ` +
        `(${skillLevelLabel(development.yourLevel)} of ${skillLevelLabel(development.requiredLevel)}), a skill you aim to grow, ` +
        'so you would work beside a fully qualified colleague on at most half of the time asked for.',
    );
    sentences.push(
      development.mentors.length > 0
        ? `${list(development.mentors.map((mentor) => `${mentor.name} (${skillLevelLabel(mentor.level)})`))} could mentor you.`
        : 'No fully qualified colleague has time on it yet; it needs one before you can be placed.',
    );
  }
  const grows = opportunity.grows.filter((growth) => growth.skillId !== development?.skillId);
  if (grows.length > 0) {
    sentences.push(
      `It uses ${list(grows.map((growth) => `${growth.skillName}, which you aim to take from ${skillLevelLabel(growth.level)} to ${skillLevelLabel(growth.targetLevel)}`))}.`,
    );
  } else if (!development) {
    sentences.push('It uses none of the skills you aim to grow.');
  }
  sentences.push(
    `${opportunity.weekCount} week${opportunity.weekCount === 1 ? '' : 's'} from ${dayFormat.format(opportunity.startWeek)} ` +
      `with ${fte(opportunity.openFte)} of ${fte(opportunity.requestedFte)} still open; you could give up to ${fte(opportunity.availableFte)} every week.`,
  );
  if (opportunity.interested) sentences.push('You have expressed interest; matching takes it into account.');
  return sentences;
}
