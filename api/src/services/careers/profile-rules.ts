import { mondayOf } from '../../domain/weeks.ts';
import type { FieldIssue } from '../../errors.ts';

// Rules for what an analyst keeps about themself: skills (self-assessed, never below what completed work
// evidenced), aspirations (a level above the current one) and availability (whole weeks, no overlaps).

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;

export interface SkillLevelChange {
  skillId: string;
  level: number;
}

export interface AspirationChange {
  skillId: string;
  targetLevel: number;
}

export interface AvailabilityChange {
  startWeek: Date;
  endWeek: Date;
  /** 0 = unavailable; otherwise the share of pooled time still available, below 1. */
  availableFraction: number;
}

export interface HeldSkill {
  skillId: string;
  level: number;
  evidencedLevel: number | null;
}

type Path = (string | number)[];

function isLevel(level: number): boolean {
  return Number.isInteger(level) && level >= MIN_LEVEL && level <= MAX_LEVEL;
}

function duplicateIssues(items: readonly { skillId: string }[], path: Path): FieldIssue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.skillId)) {
      seen.add(item.skillId);
      return [];
    }
    return [{ path: [...path, index, 'skillId'], message: 'This skill is listed twice.' }];
  });
}

/**
 * A new self-assessed skill list: levels 1..4, each skill once, and no evidenced skill lowered below its
 * evidenced level or removed (only new evidence from completed work changes those).
 */
export function skillIssues(held: readonly HeldSkill[], skills: readonly SkillLevelChange[], path: Path): FieldIssue[] {
  const issues = duplicateIssues(skills, path);
  skills.forEach((skill, index) => {
    if (!isLevel(skill.level)) {
      issues.push({ path: [...path, index, 'level'], message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}.` });
    }
  });
  const wanted = new Map(skills.map((skill, index) => [skill.skillId, { ...skill, index }]));
  for (const skill of held) {
    if (skill.evidencedLevel === null) continue;
    const change = wanted.get(skill.skillId);
    if (!change) {
      issues.push({ path, message: 'A skill evidenced by completed work cannot be removed.' });
    } else if (isLevel(change.level) && change.level < skill.evidencedLevel) {
      issues.push({
        path: [...path, change.index, 'level'],
        message: `Completed work evidenced level ${skill.evidencedLevel}; the level cannot go below it.`,
      });
    }
  }
  return issues;
}

/** Aspirations: each skill once, a target level 2..4 above the analyst's level in that skill. */
export function aspirationIssues(levels: ReadonlyMap<string, number>, aspirations: readonly AspirationChange[], path: Path): FieldIssue[] {
  const issues = duplicateIssues(aspirations, path);
  aspirations.forEach((aspiration, index) => {
    const current = levels.get(aspiration.skillId) ?? 0;
    if (!isLevel(aspiration.targetLevel)) {
      issues.push({ path: [...path, index, 'targetLevel'], message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}.` });
    } else if (aspiration.targetLevel <= current) {
      issues.push({ path: [...path, index, 'targetLevel'], message: `Aim above your current level (${current}).` });
    }
  });
  return issues;
}

/** Periods of whole ISO weeks (Mondays), start before end, a fraction 0..0.9 in tenths, none overlapping. */
export function availabilityIssues(periods: readonly AvailabilityChange[], path: Path): FieldIssue[] {
  const issues: FieldIssue[] = [];
  periods.forEach((period, index) => {
    for (const field of ['startWeek', 'endWeek'] as const) {
      if (mondayOf(period[field]).getTime() !== period[field].getTime()) {
        issues.push({ path: [...path, index, field], message: 'Weeks are named by their Monday.' });
      }
    }
    if (period.endWeek < period.startWeek) {
      issues.push({ path: [...path, index, 'endWeek'], message: 'The last week cannot be before the first.' });
    }
    const tenths = period.availableFraction * 10;
    if (period.availableFraction < 0 || period.availableFraction >= 1 || Math.abs(tenths - Math.round(tenths)) > 1e-9) {
      issues.push({
        path: [...path, index, 'availableFraction'],
        message: 'Give 0 for unavailable, or the share still available from 0.1 to 0.9.',
      });
    }
  });
  const ordered = periods.map((period, index) => ({ ...period, index })).sort((a, b) => a.startWeek.getTime() - b.startWeek.getTime());
  for (let next = 1; next < ordered.length; next += 1) {
    if (ordered[next]!.startWeek <= ordered[next - 1]!.endWeek) {
      issues.push({ path: [...path, ordered[next]!.index, 'startWeek'], message: 'This period overlaps another one.' });
    }
  }
  return issues;
}
