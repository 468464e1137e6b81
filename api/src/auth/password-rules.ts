import { normaliseEmail } from './email.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; bounded so hashing stays cheap. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * What is wrong with a password someone chooses (a user their own, a workforce lead a temporary one):
 * too short, too long, or the account's email. Empty when it is fine.
 */
export function passwordProblems(password: string, email: string): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`Enter a password of at least ${MIN_PASSWORD_LENGTH} characters.`];
  if (password.length > MAX_PASSWORD_LENGTH) return [`Enter a password of at most ${MAX_PASSWORD_LENGTH} characters.`];
  if (normaliseEmail(password) === normaliseEmail(email)) return ['Choose a password that is not the email address.'];
  return [];
}
