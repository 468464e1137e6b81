/** Emails are stored in lower case; sign-in and its rate limit match what was typed the same way. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
