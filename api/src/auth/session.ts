import { createHash, randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { forwardedAsHttps } from '../http/security-headers.ts';
import type { SessionSettings } from './session-settings.ts';

// Sessions are rows in PostgreSQL; the cookie carries a random token and the row keeps only its
// SHA-256, so a database leak does not hand out live sessions. A session ends after its idle limit
// without a request and at its absolute limit however busy it is; both are fixed at sign-in.

/** lastSeenAt (and so the idle expiry) is written at most this often, so reads do not each cost a write. */
const LAST_SEEN_REFRESH_MS = 60_000;
const SECURE_COOKIE_NAME = '__Host-ap_session';
const PLAIN_COOKIE_NAME = 'ap_session';

export interface Viewer {
  userId: string;
  sessionId: string;
  icsId: string;
  role: Role;
  organisationId: string | null;
  analystId: string | null;
  /** Signed in with a temporary password: only changing it (and me, logout) may run until they do. */
  passwordChangeRequired?: boolean;
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The timestamps and limits of a session that starts now. */
export function sessionLifetime(now: Date, settings: SessionSettings) {
  const idleTimeoutSeconds = settings.idleMinutes * 60;
  const absoluteExpiresAt = new Date(now.getTime() + settings.absoluteHours * 3_600_000);
  return { createdAt: now, lastSeenAt: now, idleTimeoutSeconds, absoluteExpiresAt, expiresAt: idleExpiry(now, idleTimeoutSeconds, absoluteExpiresAt) };
}

function idleExpiry(lastSeenAt: Date, idleTimeoutSeconds: number, absoluteExpiresAt: Date): Date {
  return new Date(Math.min(lastSeenAt.getTime() + idleTimeoutSeconds * 1000, absoluteExpiresAt.getTime()));
}

/**
 * Deletes the rows of sessions past their absolute limit, such as those of browsers that never came back
 * (a session past its idle limit is refused, and deleted, when it is next presented).
 */
export async function deleteEndedSessions(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  await tx.session.deleteMany({ where: { absoluteExpiresAt: { lte: now } } });
}

/**
 * Whether the browser reached us over https: directly, or through a reverse proxy that says so in
 * X-Forwarded-Proto when the proxy is trusted (TRUST_PROXY).
 */
export function servedOverHttps(request: Request, trustProxy: boolean): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return trustProxy && forwardedAsHttps(request.headers.get('x-forwarded-proto'));
}

export interface CookieTarget {
  request: Request;
  trustProxy: boolean;
}

/** The `__Host-` prefix requires `Secure`, which browsers only honour over https; plain http gets a plain name. */
export function sessionCookie(target: CookieTarget, token: string, settings: SessionSettings): string {
  return serializeCookie(target, token, settings.absoluteHours * 3600);
}

export function clearedSessionCookie(target: CookieTarget): string {
  return serializeCookie(target, '', 0);
}

function serializeCookie({ request, trustProxy }: CookieTarget, value: string, maxAge: number): string {
  const secure = servedOverHttps(request, trustProxy);
  const name = secure ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
  return stringifySetCookie({ name, value, path: '/', maxAge, httpOnly: true, sameSite: 'lax', secure });
}

export function readSessionToken(request: Request): string | null {
  const cookies = parseCookie(request.headers.get('cookie') ?? '');
  return cookies[SECURE_COOKIE_NAME] || cookies[PLAIN_COOKIE_NAME] || null;
}

/** The signed-in user for a session token at `now`, or null (see loadSession). */
export async function loadViewer(prisma: PrismaClient, token: string, now: Date): Promise<Viewer | null> {
  return (await loadSession(prisma, token, now))?.viewer ?? null;
}

/**
 * The signed-in user for a session token at `now`, and the database snapshot read with it (for the caches,
 * cache/snapshot-cache.ts), or null when the session is unknown, past its idle or absolute limit, or its user
 * disabled; such a session's row is deleted. Role and organisation are read from the user on every request,
 * never kept in the session.
 */
export async function loadSession(prisma: PrismaClient, token: string, now: Date): Promise<{ viewer: Viewer; snapshot: string } | null> {
  const session = await findSession(prisma, token);
  if (!session) return null;
  if (session.expiresAt <= now || session.disabled) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const refreshAfterMs = Math.min(LAST_SEEN_REFRESH_MS, (session.idleTimeoutSeconds * 1000) / 10);
  if (now.getTime() - session.lastSeenAt.getTime() >= refreshAfterMs) {
    await prisma.session.updateMany({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: idleExpiry(now, session.idleTimeoutSeconds, session.absoluteExpiresAt) },
    });
  }
  const viewer: Viewer = {
    userId: session.userId,
    sessionId: session.id,
    icsId: session.icsId,
    role: session.role,
    organisationId: session.organisationId,
    analystId: session.analystId,
    passwordChangeRequired: session.passwordChangeRequired,
  };
  return { viewer, snapshot: session.snapshot };
}

interface SessionOfUser {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  idleTimeoutSeconds: number;
  icsId: string;
  role: Role;
  organisationId: string | null;
  analystId: string | null;
  disabled: boolean;
  passwordChangeRequired: boolean;
  /** PostgreSQL's pg_current_snapshot() as text. */
  snapshot: string;
}

/**
 * The session, its user and the database snapshot in one statement, as every request starts with it (Prisma's
 * include takes two, and the caches would read the snapshot in a third).
 */
async function findSession(prisma: PrismaClient, token: string): Promise<SessionOfUser | null> {
  const [session] = await prisma.$queryRaw<SessionOfUser[]>`
    SELECT s."id", s."userId", s."lastSeenAt", s."expiresAt", s."absoluteExpiresAt", s."idleTimeoutSeconds",
           u."icsId", u."role"::text AS "role", u."organisationId", u."analystId", u."disabled", u."passwordChangeRequired",
           pg_current_snapshot()::text AS "snapshot"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."tokenHash" = ${hashSessionToken(token)}`;
  return session ?? null;
}
