import type { Problem } from '../allocations/problems.ts';

/** The API's rule (api/src/auth/password-rules.ts), checked here too so the form says so before sending. */
export const MIN_PASSWORD_LENGTH = 12;

export const passwordHint = `At least ${MIN_PASSWORD_LENGTH} characters, not the email address. A few unrelated words make a good one.`;

/** The problem with a password being chosen, linked to its field; none when it is long enough. */
export function shortPasswordProblems(password: string, field: string): Problem[] {
  return password.length < MIN_PASSWORD_LENGTH ? [{ message: `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`, field }] : [];
}
