import { expect } from 'vitest';
import type { ErrorCode } from '../../api/src/errors.ts';
import type { GraphqlResponse } from '../fixtures/api-client.ts';

/** Every code of api/src/errors.ts (the type makes a new code fail to compile until it is listed here). */
const KNOWN_CODES: Record<ErrorCode, true> = {
  UNAUTHENTICATED: true, FORBIDDEN: true, NOT_FOUND: true, VALIDATION_FAILED: true, STALE_VERSION: true,
  INVALID_CREDENTIALS: true, TOO_MANY_ATTEMPTS: true, ANALYST_OVER_CAPACITY: true, SKILL_REQUIREMENT_NOT_MET: true,
  INVALID_TRANSITION: true, REQUEST_OVER_COVERED: true, MATCHING_IN_PROGRESS: true, LEAVING_DATE_PASSED: true, SERVICE_UNAVAILABLE: true,
  QUERY_TOO_COMPLEX: true, PERSISTED_OPERATION_REQUIRED: true, PERSISTED_OPERATION_NOT_FOUND: true,
  PASSWORD_CHANGE_REQUIRED: true, LAST_WORKFORCE_LEAD: true, OWN_ACCOUNT: true,
};

/**
 * A response that shows nothing went wrong inside: no 5xx, no stack trace or masked "Unexpected error.", no
 * database message, and every error with a message and a known code. Arguments GraphQL cannot coerce are
 * refused before execution by an error with neither path nor code.
 */
export function expectNoInternalError(response: GraphqlResponse): void {
  expect(response.status, response.text).toBeLessThan(500);
  expect(response.text).not.toMatch(/\bat .*\.[cm]?[jt]s:\d+:\d+|"stack"|Unexpected error|prisma|Invalid `/i);
  for (const error of response.errors ?? []) {
    expect(error.message, response.text).toMatch(/\S/);
    if (error.path || error.extensions?.code) expect(Object.keys(KNOWN_CODES), response.text).toContain(error.extensions?.code);
  }
}
