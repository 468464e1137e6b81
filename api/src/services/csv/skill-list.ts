import type { CellAt } from './cells.ts';

export interface SkillAtLevel {
  skillId: string;
  level: number;
}

const LEVEL_NAMES = ['awareness', 'working', 'practitioner', 'expert'];

/** "Skill name:level;Skill name:level" with levels 1–4 or their names; empty means none. */
export function skillList(value: string, skillIds: ReadonlyMap<string, string>, at: CellAt): SkillAtLevel[] | null {
  if (value === '') return [];
  const result: SkillAtLevel[] = [];
  let ok = true;
  for (const entry of value.split(';').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.lastIndexOf(':');
    if (separator < 0) {
      at.problems.add(at.row, at.column, `"${entry}" needs a level after a colon, as "${entry}:3".`);
      ok = false;
      continue;
    }
    const name = entry.slice(0, separator).trim();
    const levelText = entry.slice(separator + 1).trim().toLowerCase();
    const skillId = skillIds.get(name.toLowerCase());
    const level = LEVEL_NAMES.includes(levelText) ? LEVEL_NAMES.indexOf(levelText) + 1 : Number(levelText);
    if (!skillId) {
      at.problems.add(at.row, at.column, `"${name}" is not a skill in this ICS's taxonomy.`);
      ok = false;
    } else if (!Number.isInteger(level) || level < 1 || level > 4) {
      at.problems.add(at.row, at.column, `${name}: level "${levelText}" should be 1 Awareness, 2 Working, 3 Practitioner or 4 Expert.`);
      ok = false;
    } else if (result.some((skill) => skill.skillId === skillId)) {
      at.problems.add(at.row, at.column, `${name} is listed twice.`);
      ok = false;
    } else {
      result.push({ skillId, level });
    }
  }
  return ok ? result : null;
}

/** Same skills at the same levels, in any order. */
export function sameSkills(a: readonly SkillAtLevel[], b: readonly SkillAtLevel[]): boolean {
  const key = (list: readonly SkillAtLevel[]) => list.map((skill) => `${skill.skillId}:${skill.level}`).sort().join(';');
  return key(a) === key(b);
}

/** Writes a list back in the import format, skills by name in alphabetical order. */
export function formatSkillList(skills: readonly { name: string; level: number }[]): string {
  return [...skills]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((skill) => `${skill.name}:${skill.level}`)
    .join(';');
}
