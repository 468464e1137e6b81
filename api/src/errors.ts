import { GraphQLError } from 'graphql';

// Domain errors are GraphQLErrors so Yoga passes them through unmasked with their message and code;
// anything else a resolver throws is masked as "Unexpected error." (see app.ts).

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'STALE_VERSION'
  | 'INVALID_CREDENTIALS'
  | 'ANALYST_OVER_CAPACITY'
  | 'SKILL_REQUIREMENT_NOT_MET'
  | 'INVALID_TRANSITION'
  | 'REQUEST_OVER_COVERED'
  | 'MATCHING_IN_PROGRESS'
  | 'LEAVING_DATE_PASSED'
  | 'TOO_MANY_ATTEMPTS'
  | 'SERVICE_UNAVAILABLE'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'LAST_WORKFORCE_LEAD'
  | 'OWN_ACCOUNT'
  // Refusals before an operation runs (api/src/http/): over a size limit, or not a persisted operation.
  | 'QUERY_TOO_COMPLEX'
  | 'PERSISTED_OPERATION_REQUIRED'
  | 'PERSISTED_OPERATION_NOT_FOUND';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export class DomainError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'You must sign in to do this.');
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super('NOT_FOUND', `${entity} not found.`);
  }
}

export class ValidationFailedError extends DomainError {
  readonly fields: FieldIssue[];

  constructor(fields: FieldIssue[]) {
    super('VALIDATION_FAILED', `Invalid input: ${fields.map(describeIssue).join('; ')}`, { fields });
    this.fields = fields;
  }
}

export class StaleVersionError extends DomainError {
  constructor(entity: string) {
    super('STALE_VERSION', `${entity} was changed by someone else; reload it and try again.`);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor(message = 'Email address or password is incorrect.') {
    super('INVALID_CREDENTIALS', message);
  }
}

/** Sign-in refused for a while after too many failures; the same for every account, so it reveals none. */
export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number, toDoWhat = 'sign in') {
    super('TOO_MANY_ATTEMPTS', `Too many failed attempts to ${toDoWhat}. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes, then try again.`, {
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    });
  }
}

/** The session's user signed in with a temporary password: until they choose their own, nothing else runs. */
export class PasswordChangeRequiredError extends DomainError {
  constructor() {
    super('PASSWORD_CHANGE_REQUIRED', 'Change your temporary password before you do anything else.');
  }
}

/** The change would leave the ICS without an enabled workforce lead, so no one could manage its accounts. */
export class LastWorkforceLeadError extends DomainError {
  constructor() {
    super('LAST_WORKFORCE_LEAD', 'This is the last enabled workforce lead of your ICS: make someone else a workforce lead first.');
  }
}

/** A workforce lead may not disable, re-role or reset their own account (another workforce lead can). */
export class OwnAccountError extends DomainError {
  constructor(what: string) {
    super('OWN_ACCOUNT', `You cannot ${what} your own account; ask another workforce lead.`);
  }
}

/** One week in which a booking would take an analyst past their remaining pooled time. */
export interface CapacityShortfall {
  week: string;
  remainingFte: number;
  requestedFte: number;
}

/** The weeks in which one analyst would be booked past their remaining pooled time. */
export interface AnalystShortfalls {
  analyst: string;
  weeks: CapacityShortfall[];
}

/**
 * Names every analyst who would be overbooked, each with their weeks; `weeks` lists all of them in that
 * order, `analysts` groups them by analyst.
 */
export class AnalystOverCapacityError extends DomainError {
  constructor(over: AnalystShortfalls[]) {
    super(
      'ANALYST_OVER_CAPACITY',
      over.map(({ analyst, weeks }) => `${analyst} does not have the time: ${describeShortfalls(weeks)}.`).join(' '),
      { weeks: over.flatMap(({ weeks }) => weeks), analysts: over },
    );
  }
}

/** Runs of consecutive weeks with the same figures read as one span: "weeks of A to B: …". */
function describeShortfalls(shortfalls: CapacityShortfall[]): string {
  const spans: { first: string; last: string; remainingFte: number; requestedFte: number }[] = [];
  for (const { week, remainingFte, requestedFte } of shortfalls) {
    const previous = spans.at(-1);
    const follows = previous && Date.parse(week) - Date.parse(previous.last) === 7 * 86_400_000;
    if (previous && follows && previous.remainingFte === remainingFte && previous.requestedFte === requestedFte) previous.last = week;
    else spans.push({ first: week, last: week, remainingFte, requestedFte });
  }
  return spans
    .map(({ first, last, remainingFte, requestedFte }) =>
      `${first === last ? `week of ${first}` : `weeks of ${first} to ${last}`}: ${remainingFte} FTE left, ${requestedFte} FTE asked`,
    )
    .join('; ');
}

/** A week in which a request would get more time than it asks for. */
export interface RequestOverCover {
  week: string;
  /** FTE already held on the request that week, and what the new bookings add. */
  heldFte: number;
  addedFte: number;
}

export class RequestOverCoveredError extends DomainError {
  constructor(title: string, requestFte: number, weeks: RequestOverCover[]) {
    const described = describeShortfalls(
      weeks.map(({ week, heldFte, addedFte }) => ({ week, remainingFte: Math.max(0, Math.round((requestFte - heldFte) * 10) / 10), requestedFte: addedFte })),
    );
    super('REQUEST_OVER_COVERED', `"${title}" asks for ${requestFte} FTE, which these would exceed: ${described}.`, { weeks });
  }
}

export class SkillRequirementNotMetError extends DomainError {
  constructor(analystName: string, reasons: string[]) {
    super('SKILL_REQUIREMENT_NOT_MET', `${analystName} does not meet the request's must-have skills: ${reasons.join('; ')}.`, {
      reasons,
    });
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(message: string) {
    super('INVALID_TRANSITION', message);
  }
}

/** A recorded leaving can be cancelled only before its day: from then the analyst has left. */
export class LeavingDatePassedError extends DomainError {
  constructor(analystName: string, leftOn: string) {
    super('LEAVING_DATE_PASSED', `${analystName} left on ${leftOn}: a leaving can be cancelled only before its day.`);
  }
}

export class MatchingInProgressError extends DomainError {
  constructor() {
    super('MATCHING_IN_PROGRESS', 'A matching run is already in progress for this ICS; wait for it to finish.');
  }
}

/** PostgreSQL cannot be reached: stopped, restarting, or out of connections. */
export class DatabaseUnavailableError extends DomainError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.');
  }
}

function describeIssue(issue: FieldIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
