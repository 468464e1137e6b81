import { mondayOf, weekCount, type WeekSpan } from '../../domain/weeks.ts';
import { ValidationFailedError, type FieldIssue } from '../../errors.ts';
import type { PolicyOverrides } from './load-input.ts';

/** Longest window one run may plan: two years keeps a solve within seconds. */
export const MAX_WINDOW_WEEKS = 104;
const WEIGHTS = ['alpha', 'beta', 'gamma'] as const;
const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Checks a run request against the clock and the policy rules, every problem at once with the path of
 * its input field, and returns the window as first and last Monday.
 */
export function validateRunRequest(
  request: { windowStart: Date; windowEnd: Date; policy?: PolicyOverrides | null },
  today: Date,
): WeekSpan {
  const window = { startWeek: mondayOf(request.windowStart), endWeek: mondayOf(request.windowEnd) };
  const issues: FieldIssue[] = [];
  const issue = (path: string[], message: string) => issues.push({ path: ['input', ...path], message });

  if (window.startWeek < mondayOf(today)) issue(['windowStart'], 'The window must not start in the past.');
  if (window.endWeek < window.startWeek) issue(['windowEnd'], 'The window must end on or after its start.');
  else if (weekCount(window) > MAX_WINDOW_WEEKS) issue(['windowEnd'], `The window may be at most ${MAX_WINDOW_WEEKS} weeks long.`);

  const policy = request.policy ?? {};
  const given = WEIGHTS.filter((weight) => policy[weight] != null);
  for (const weight of WEIGHTS) {
    const value = policy[weight];
    if (value == null) {
      if (given.length > 0) issue(['policy', weight], 'Give all three fairness weights, or none.');
    } else if (!(value >= 0 && value <= 1)) {
      issue(['policy', weight], 'A fairness weight must be between 0 and 1.');
    }
  }
  if (given.length === WEIGHTS.length) {
    const sum = WEIGHTS.reduce((total, weight) => total + policy[weight]!, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) issue(['policy'], `The fairness weights must add up to 1 (they add up to ${+sum.toFixed(3)}).`);
  }
  const { maxConcurrentRequests, developmentShareCap } = policy;
  if (maxConcurrentRequests != null && !(Number.isInteger(maxConcurrentRequests) && maxConcurrentRequests >= 1 && maxConcurrentRequests <= 10)) {
    issue(['policy', 'maxConcurrentRequests'], 'Requests at once must be a whole number from 1 to 10.');
  }
  if (developmentShareCap != null && !(developmentShareCap >= 0 && developmentShareCap <= 0.5)) {
    issue(['policy', 'developmentShareCap'], "The development share must be between 0 and 0.5 of a request's FTE.");
  }

  if (issues.length > 0) throw new ValidationFailedError(issues);
  return window;
}
