import { sentenceCase } from '../../format.ts';

/** The records the service audits, as people call them. */
export const entityTypeLabels: Record<string, string> = {
  Allocation: 'Allocation',
  Analyst: 'Analyst',
  FairnessPeriod: 'Fairness period',
  Import: 'CSV import',
  Interest: 'Interest in a request',
  MatchingRun: 'Matching run',
  Project: 'Project',
  Request: 'Request',
  RoleProfile: 'Role profile',
  Session: 'Sign-in',
  User: 'User',
};

export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? type;
}

/** "allocation.proposal.update" → "Allocation proposal update"; "matchingRun.confirm" → "Matching run confirm". */
export function actionLabel(action: string): string {
  return sentenceCase(action.replace(/([a-z])([A-Z])/g, '$1_$2').replaceAll('.', '_'));
}

const entityPaths: Record<string, string> = {
  Allocation: '/allocations',
  Analyst: '/analysts',
  Project: '/projects',
  Request: '/requests',
  MatchingRun: '/matching/runs',
  User: '/users',
};

/** Where the record can be seen, for the records that have a page. */
export function entityPath(type: string, id: string): string | null {
  const base = entityPaths[type];
  return base ? `${base}/${id}` : null;
}

/** A value from the log's JSON text, short enough for a table cell. */
export function valueLabel(json: string | null): string {
  if (json === null) return '(none)';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = json;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
