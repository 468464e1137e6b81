import type { PrismaClient } from './generated/prisma/client.ts';
import { loadSession, readSessionToken, type Viewer } from './auth/session.ts';
import type { SessionSettings } from './auth/session-settings.ts';
import { UnauthenticatedError } from './errors.ts';

/** Settings of the server the context's request came to. */
export interface ContextOptions {
  /** Lifetimes of the sessions this server starts. */
  sessions: SessionSettings;
  /** Whether a reverse proxy's X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustProxy: boolean;
  /** Whole months after leaving before a leaver's personal data is anonymised (RETENTION_MONTHS_AFTER_LEAVING). */
  retentionMonthsAfterLeaving: number;
}

export interface Context extends ContextOptions {
  prisma: PrismaClient;
  request: Request;
  /** The signed-in user, or null. */
  viewer: Viewer | null;
  /** The database snapshot read with the session, which kept answers are checked against (cache/snapshot-cache.ts). */
  snapshot: string | null;
  /** The session token the request carried, valid or not (login rotates it away). */
  sessionToken: string | null;
  /** Adds a Set-Cookie header to this request's response. */
  setCookie: (cookie: string) => void;
  /** The current time (a fixed clock in tests); use it for every "today" rule. */
  now: () => Date;
}

// Set-Cookie values wait here until the response for their request is built (see app.ts).
const pendingCookies = new WeakMap<Request, string[]>();

export function takeResponseCookies(request: Request): string[] {
  const cookies = pendingCookies.get(request) ?? [];
  pendingCookies.delete(request);
  return cookies;
}

export async function createContext(
  prisma: PrismaClient,
  request: Request,
  now: () => Date,
  { sessions, trustProxy, retentionMonthsAfterLeaving }: ContextOptions,
): Promise<Context> {
  const sessionToken = readSessionToken(request);
  const session = sessionToken ? await loadSession(prisma, sessionToken, now()) : null;
  return {
    prisma,
    request,
    viewer: session?.viewer ?? null,
    snapshot: session?.snapshot ?? null,
    sessionToken,
    now,
    sessions,
    trustProxy,
    retentionMonthsAfterLeaving,
    setCookie: (cookie) => pendingCookies.set(request, [...(pendingCookies.get(request) ?? []), cookie]),
  };
}

/** For resolvers behind an `authenticated` scope, where the viewer is known to be present. */
export function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}
