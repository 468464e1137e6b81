/** The DDaT capability framework's levels, 1..4. */
export const SKILL_LEVEL_NAMES = ['Awareness', 'Working', 'Practitioner', 'Expert'] as const;

/** "3 Practitioner"; "none" for 0 (a skill not held). */
export function skillLevelLabel(level: number): string {
  const name = SKILL_LEVEL_NAMES[level - 1];
  return name ? `${level} ${name}` : level === 0 ? 'none' : String(level);
}
