import type { PrismaClient } from '../generated/prisma/client.ts';
import { normaliseEmail } from '../auth/email.ts';
import { verifyPassword } from '../auth/password.ts';
import { deleteEndedSessions, hashSessionToken, newSessionToken, sessionLifetime, type Viewer } from '../auth/session.ts';
import type { SessionSettings } from '../auth/session-settings.ts';
import { InvalidCredentialsError } from '../errors.ts';
import { recordAudit } from './audit.ts';

// Verified when the email is unknown, so a failed sign-in takes as long whether or not the account exists.
const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$LkdzcpKCoWkRv1DvQ8UvcA$8guBwXlP2NNnJWOaIbBXUV5ZwK0ZjYd0tnVPJsVYw4s';

export interface SignInRequest {
  email: string;
  password: string;
  /** The session the browser already holds; it is revoked so a session id never survives a sign-in. */
  previousToken: string | null;
  now: Date;
  settings: SessionSettings;
}

/**
 * Starts a session, or throws INVALID_CREDENTIALS for an unknown email, a wrong password and a disabled
 * user alike (same message, and the password is checked in each case, so the timing matches too).
 */
export async function signIn(
  prisma: PrismaClient,
  { email, password, previousToken, now, settings }: SignInRequest,
): Promise<{ userId: string; token: string }> {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, icsId: true, passwordHash: true, disabled: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !passwordMatches || user.disabled) throw new InvalidCredentialsError();

  const token = newSessionToken();
  await prisma.$transaction(async (tx) => {
    if (previousToken) await tx.session.deleteMany({ where: { tokenHash: hashSessionToken(previousToken) } });
    await deleteEndedSessions(tx, now);
    const session = await tx.session.create({
      data: { icsId: user.icsId, userId: user.id, tokenHash: hashSessionToken(token), ...sessionLifetime(now, settings) },
      select: { id: true },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, {
      icsId: user.icsId,
      actorId: user.id,
      action: 'session.start',
      entityType: 'Session',
      entityId: session.id,
    });
  });
  return { userId: user.id, token };
}

export async function signOut(prisma: PrismaClient, token: string, viewer: Viewer | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
    if (count > 0 && viewer) {
      await recordAudit(tx, {
        icsId: viewer.icsId,
        actorId: viewer.userId,
        action: 'session.end',
        entityType: 'Session',
        entityId: viewer.sessionId,
      });
    }
  });
}
