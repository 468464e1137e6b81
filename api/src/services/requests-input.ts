import type { RequestPriority, RequestSkillKind } from '../generated/prisma/enums.ts';
import { mondayOf } from '../domain/weeks.ts';
import type { FieldIssue } from '../errors.ts';
import { checkText, LONG_TEXT_MAX } from './projects-input.ts';

// Input rules for a request (a demand line of a project), checked all at once so a person sees every
// problem in one go. Paths are GraphQL argument paths, e.g. ["input", "requiredSkills", 1, "level"].

export const REQUEST_TITLE_MAX = 200;
export const SKILLS_MAX = 20;

export interface RequestSkillInput {
  skillId: string;
  level: number;
}

export interface RequestInput {
  title: string;
  description?: string | null;
  requiredSkills: readonly RequestSkillInput[];
  desiredSkills: readonly RequestSkillInput[];
  fte: number;
  startWeek: Date;
  endWeek: Date;
  priority: RequestPriority;
  openToDevelopment: boolean;
}

/** What is stored: trimmed text, weeks moved to their Mondays, skills of both kinds in one list. */
export interface RequestFields {
  title: string;
  description: string;
  skills: { skillId: string; kind: RequestSkillKind; minLevel: number }[];
  fte: number;
  startWeek: Date;
  endWeek: Date;
  priority: RequestPriority;
  openToDevelopment: boolean;
}

export interface RequestRules {
  now: Date;
  /** Names of the ICS's skills among those asked for, by id; an id missing here is unknown. */
  knownSkills: ReadonlyMap<string, string>;
}

export function checkRequestInput(input: RequestInput, rules: RequestRules): { issues: FieldIssue[]; request: RequestFields } {
  const issues: FieldIssue[] = [];
  const title = checkText(issues, ['input', 'title'], input.title, { missing: 'Enter a title for the request', label: 'Title', max: REQUEST_TITLE_MAX });
  const description = checkText(issues, ['input', 'description'], input.description, { label: 'Description', max: LONG_TEXT_MAX });
  const skills = checkSkills(issues, input, rules.knownSkills);
  checkFte(issues, input.fte);
  const startWeek = mondayOf(input.startWeek);
  const endWeek = mondayOf(input.endWeek);
  issues.push(...windowIssues(['input'], { startWeek, endWeek }, rules.now));
  return {
    issues,
    request: { title, description, skills, fte: input.fte, startWeek, endWeek, priority: input.priority, openToDevelopment: input.openToDevelopment },
  };
}

const skillLists = [
  { field: 'requiredSkills', kind: 'REQUIRED' },
  { field: 'desiredSkills', kind: 'DESIRED' },
] as const;

function checkSkills(issues: FieldIssue[], input: RequestInput, knownSkills: ReadonlyMap<string, string>): RequestFields['skills'] {
  if (input.requiredSkills.length === 0) {
    issues.push({ path: ['input', 'requiredSkills'], message: 'Add at least one must-have skill' });
  }
  const seen = new Set<string>();
  const skills: RequestFields['skills'] = [];
  for (const { field, kind } of skillLists) {
    if (input[field].length > SKILLS_MAX) issues.push({ path: ['input', field], message: `List at most ${SKILLS_MAX} skills` });
    input[field].forEach(({ skillId, level }, index) => {
      const path = ['input', field, index];
      const name = knownSkills.get(skillId);
      if (!name) issues.push({ path: [...path, 'skillId'], message: 'Choose a skill from your ICS’s skills list' });
      else if (seen.has(skillId)) {
        issues.push({ path: [...path, 'skillId'], message: `${name} is already listed; list each skill once, as must-have or desired` });
      }
      seen.add(skillId);
      if (!Number.isInteger(level) || level < 1 || level > 4) {
        issues.push({ path: [...path, 'level'], message: 'Choose a level from 1 (Awareness) to 4 (Expert)' });
      }
      skills.push({ skillId, kind, minLevel: level });
    });
  }
  return skills;
}

function checkFte(issues: FieldIssue[], fte: number): void {
  const path = ['input', 'fte'];
  if (!Number.isFinite(fte) || fte <= 0) issues.push({ path, message: 'FTE must be more than 0' });
  else if (fte > 1) issues.push({ path, message: 'FTE must be 1 or less (a full-time week)' });
  else if (Math.abs(fte * 10 - Math.round(fte * 10)) > 1e-9) {
    issues.push({ path, message: 'FTE must be in steps of 0.1 (half a day a week), for example 0.3' });
  }
}

/** A request's weeks must not run backwards, and must not start before the current week. */
export function windowIssues(path: string[], span: { startWeek: Date; endWeek: Date }, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (span.startWeek < mondayOf(now)) {
    issues.push({ path: [...path, 'startWeek'], message: 'The start week must be this week or later' });
  }
  if (span.endWeek < span.startWeek) {
    issues.push({ path: [...path, 'endWeek'], message: 'The end week must be the same as or after the start week' });
  }
  return issues;
}

export const duplicateRequestTitle: FieldIssue = {
  path: ['input', 'title'],
  message: 'This project already has a request with this title; choose another title',
};
