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
  | 'TOO_MANY_ATTEMPTS'
  | 'SERVICE_UNAVAILABLE'
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
  constructor() {
    super('INVALID_CREDENTIALS', 'Email address or password is incorrect.');
  }
}

/** Sign-in refused for a while after too many failures; the same for every account, so it reveals none. */
export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', `Too many failed attempts to sign in. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes, then try again.`, {
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    });
  }
}

/** One week in which a booking would take an analyst past their remaining pooled time. */
export interface CapacityShortfall {
  week: string;
  remainingFte: number;
  requestedFte: number;
}

export class AnalystOverCapacityError extends DomainError {
  constructor(analystName: string, shortfalls: CapacityShortfall[]) {
    super('ANALYST_OVER_CAPACITY', `${analystName} does not have the time: ${describeShortfalls(shortfalls)}.`, { weeks: shortfalls });
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
