import { createHash, randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';

// Sessions are rows in PostgreSQL; the cookie carries a random token and the row keeps only its
// SHA-256, so a database leak does not hand out live sessions.

const SESSION_TTL_SECONDS = 12 * 60 * 60;
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
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionExpiry(now = new Date()): Date {
  return new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
}

/** The `__Host-` prefix requires `Secure`, which browsers only honour over https. */
function cookieNameFor(requestUrl: string): { name: string; secure: boolean } {
  const secure = new URL(requestUrl).protocol === 'https:';
  return { name: secure ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME, secure };
}

export function sessionCookie(requestUrl: string, token: string): string {
  return serializeCookie(requestUrl, token, SESSION_TTL_SECONDS);
}

export function clearedSessionCookie(requestUrl: string): string {
  return serializeCookie(requestUrl, '', 0);
}

function serializeCookie(requestUrl: string, value: string, maxAge: number): string {
  const { name, secure } = cookieNameFor(requestUrl);
  return stringifySetCookie({ name, value, path: '/', maxAge, httpOnly: true, sameSite: 'lax', secure });
}

export function readSessionToken(request: Request): string | null {
  const cookies = parseCookie(request.headers.get('cookie') ?? '');
  return cookies[SECURE_COOKIE_NAME] || cookies[PLAIN_COOKIE_NAME] || null;
}

/** The signed-in user for a session token, or null when the session is unknown, expired or the user disabled. */
export async function loadViewer(prisma: PrismaClient, token: string): Promise<Viewer | null> {
  const now = new Date();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { select: { icsId: true, role: true, organisationId: true, analystId: true, disabled: true } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabled) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_REFRESH_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    userId: session.userId,
    sessionId: session.id,
    icsId: user.icsId,
    role: user.role,
    organisationId: user.organisationId,
    analystId: user.analystId,
  };
}
