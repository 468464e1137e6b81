/** Only same-site paths, so a crafted link cannot send someone elsewhere after they sign in. */
export function safeReturnPath(returnTo: string | null): string {
  return returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}
