const timestamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

interface AccountState {
  disabled?: boolean | null;
  passwordChangeRequired?: boolean | null;
}

/** Whether the person can sign in, and whether they still have to choose their own password. */
export function accountStateLabel({ disabled, passwordChangeRequired }: AccountState): string {
  if (disabled) return 'Disabled';
  return passwordChangeRequired ? 'Enabled, temporary password' : 'Enabled';
}

export function lastSignInLabel(lastSignInAt: string | null | undefined): string {
  return lastSignInAt ? `${timestamp.format(new Date(lastSignInAt))} UTC` : 'Never';
}
