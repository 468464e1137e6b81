import type { Problem } from '../allocations/problems.ts';

export interface AuditFilterFields {
  entityType: string;
  actorId: string;
  /** "YYYY-MM-DD", the first day included. */
  from: string;
  /** "YYYY-MM-DD", the last day included. */
  to: string;
}

/** The audit log's filters live in the URL (type, actor, from, to) so reload and back keep them. */
export const auditParams = { entityType: 'type', actorId: 'actor', from: 'from', to: 'to' } as const;

export const auditFieldIds = { entityType: 'audit-type', actorId: 'audit-actor', from: 'audit-from', to: 'audit-to' } as const;

export function readAuditFields(searchParams: URLSearchParams): AuditFilterFields {
  return {
    entityType: searchParams.get(auditParams.entityType) ?? '',
    actorId: searchParams.get(auditParams.actorId) ?? '',
    from: searchParams.get(auditParams.from) ?? '',
    to: searchParams.get(auditParams.to) ?? '',
  };
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Problems with the dates: each must be a real day, and the range must not end before it starts. */
export function auditFilterProblems(fields: AuditFilterFields): Problem[] {
  const problems: Problem[] = [];
  if (fields.from && !isDay(fields.from)) problems.push({ message: 'Enter the first day as a real date', field: auditFieldIds.from });
  if (fields.to && !isDay(fields.to)) problems.push({ message: 'Enter the last day as a real date', field: auditFieldIds.to });
  if (problems.length === 0 && fields.from && fields.to && fields.to < fields.from) {
    problems.push({ message: 'The last day must be the same as or after the first day', field: auditFieldIds.to });
  }
  return problems;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** The API's filter: whole days in UTC, the last day included (the API's `to` is exclusive). */
export function auditEventFilter(fields: AuditFilterFields) {
  const valid = auditFilterProblems(fields).length === 0;
  return {
    ...(fields.entityType ? { entityType: fields.entityType } : {}),
    ...(fields.actorId ? { actorId: fields.actorId } : {}),
    ...(valid && fields.from ? { from: `${fields.from}T00:00:00.000Z` } : {}),
    ...(valid && fields.to ? { to: nextDay(fields.to) } : {}),
  };
}
