import type { Problem } from '../allocations/problems.ts';

// The request form's values as typed, and what the API is sent. The browser checks only what it must to
// send anything at all (a number, a date, a chosen skill); every other rule is the API's, shown by field.

export type SkillKind = 'requiredSkills' | 'desiredSkills';

export interface SkillRow {
  /** Keeps each row's inputs stable while rows are added and removed. */
  key: string;
  skillId: string;
  level: string;
}

export interface RequestFormValues {
  title: string;
  description: string;
  requiredSkills: SkillRow[];
  desiredSkills: SkillRow[];
  fte: string;
  startWeek: string;
  endWeek: string;
  priority: string;
  openToDevelopment: boolean;
}

export const priorities = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Priority = (typeof priorities)[number];

let rowCount = 0;

export function skillRow(skillId = '', level = '3'): SkillRow {
  rowCount += 1;
  return { key: `skill-row-${rowCount}`, skillId, level };
}

export function emptyRequest(): RequestFormValues {
  return {
    title: '',
    description: '',
    requiredSkills: [skillRow()],
    desiredSkills: [],
    fte: '',
    startWeek: '',
    endWeek: '',
    priority: 'MEDIUM',
    openToDevelopment: false,
  };
}

interface StoredSkill {
  minLevel: number;
  skill: { id: string };
}

export interface StoredRequest {
  title: string;
  description: string;
  fte: number;
  startWeek: string;
  endWeek: string;
  priority: string;
  openToDevelopment: boolean;
  requiredSkills: readonly StoredSkill[];
  desiredSkills: readonly StoredSkill[];
}

export function valuesOf(request: StoredRequest): RequestFormValues {
  const rows = (skills: readonly StoredSkill[]) => skills.map(({ skill, minLevel }) => skillRow(skill.id, String(minLevel)));
  return {
    title: request.title,
    description: request.description,
    requiredSkills: rows(request.requiredSkills),
    desiredSkills: rows(request.desiredSkills),
    fte: request.fte.toFixed(1),
    startWeek: request.startWeek,
    endWeek: request.endWeek,
    priority: request.priority,
    openToDevelopment: request.openToDevelopment,
  };
}

/** What must be right before the form can be sent at all, in the order of the form. */
export function browserProblems(values: RequestFormValues): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ['requiredSkills', 'desiredSkills'] as const) {
    values[kind].forEach((row, index) => {
      if (!row.skillId) problems.push({ field: `${kind}-${index}-skillId`, message: 'Choose a skill, or remove this row' });
    });
  }
  if (values.fte.trim() === '' || !Number.isFinite(Number(values.fte))) {
    problems.push({ field: 'fte', message: 'Enter the FTE a week as a number, for example 0.4' });
  }
  if (!values.startWeek) problems.push({ field: 'startWeek', message: 'Enter a date in the first week' });
  if (!values.endWeek) problems.push({ field: 'endWeek', message: 'Enter a date in the last week' });
  return problems;
}

export function inputOf(values: RequestFormValues) {
  const skills = (rows: SkillRow[]) => rows.map(({ skillId, level }) => ({ skillId, level: Number(level) }));
  return {
    title: values.title,
    description: values.description,
    requiredSkills: skills(values.requiredSkills),
    desiredSkills: skills(values.desiredSkills),
    fte: Number(values.fte),
    startWeek: values.startWeek,
    endWeek: values.endWeek,
    priority: values.priority as Priority,
    openToDevelopment: values.openToDevelopment,
  };
}
