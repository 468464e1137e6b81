import { GraphQLError } from 'graphql';

// Domain errors are GraphQLErrors so Yoga passes them through unmasked with their message and code;
// anything else a resolver throws is masked as "Unexpected error." (see app.ts).

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'STALE_VERSION'
  | 'INVALID_CREDENTIALS';

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

function describeIssue(issue: FieldIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
