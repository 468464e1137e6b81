import type { FieldIssue } from '../errors.ts';

// Input rules for projects, with messages a person can act on. Paths are GraphQL argument paths,
// so the web client can put each message next to its field.

export const PROJECT_TITLE_MAX = 200;
export const LONG_TEXT_MAX = 4000;

interface TextRule {
  /** Said when the text is blank, e.g. "Enter a project title"; omit for optional text. */
  missing?: string;
  /** How the field is named in the length message, e.g. "Title". */
  label: string;
  max: number;
}

/** Trims the text and adds an issue when it is blank but required, or too long. */
export function checkText(issues: FieldIssue[], path: (string | number)[], value: string | null | undefined, rule: TextRule): string {
  const text = (value ?? '').trim();
  if (!text && rule.missing) issues.push({ path, message: rule.missing });
  else if (text.length > rule.max) {
    issues.push({ path, message: `${rule.label} must be ${rule.max.toLocaleString('en-GB')} characters or fewer` });
  }
  return text;
}

export interface ProjectInput {
  title: string;
  purpose: string;
  expectedBenefit?: string | null;
}

export type ProjectFields = Required<{ [key in keyof ProjectInput]: string }>;

export function checkProjectInput(input: ProjectInput): { issues: FieldIssue[]; project: ProjectFields } {
  const issues: FieldIssue[] = [];
  const project = {
    title: checkText(issues, ['input', 'title'], input.title, { missing: 'Enter a project title', label: 'Title', max: PROJECT_TITLE_MAX }),
    purpose: checkText(issues, ['input', 'purpose'], input.purpose, {
      missing: 'Enter what the project is for',
      label: 'Purpose',
      max: LONG_TEXT_MAX,
    }),
    expectedBenefit: checkText(issues, ['input', 'expectedBenefit'], input.expectedBenefit, {
      label: 'Expected benefit',
      max: LONG_TEXT_MAX,
    }),
  };
  return { issues, project };
}

export const duplicateProjectTitle: FieldIssue = {
  path: ['input', 'title'],
  message: 'This organisation already has a project with this title; choose another title',
};
