import type { PrismaClient } from '../generated/prisma/client.ts';
import { verifyPassword } from '../auth/password.ts';
import { hashSessionToken, newSessionToken, sessionExpiry, type Viewer } from '../auth/session.ts';
import { InvalidCredentialsError } from '../errors.ts';
import { recordAudit } from './audit.ts';

// Verified when the email is unknown, so a failed sign-in takes as long whether or not the account exists.
const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$LkdzcpKCoWkRv1DvQ8UvcA$8guBwXlP2NNnJWOaIbBXUV5ZwK0ZjYd0tnVPJsVYw4s';

export interface SignInRequest {
  email: string;
  password: string;
  /** The session the browser already holds; it is revoked so a session id never survives a sign-in. */
  previousToken: string | null;
}

export async function signIn(
  prisma: PrismaClient,
  { email, password, previousToken }: SignInRequest,
): Promise<{ userId: string; token: string }> {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, icsId: true, passwordHash: true, disabled: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !passwordMatches || user.disabled) throw new InvalidCredentialsError();

  const token = newSessionToken();
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    if (previousToken) await tx.session.deleteMany({ where: { tokenHash: hashSessionToken(previousToken) } });
    const session = await tx.session.create({
      data: { icsId: user.icsId, userId: user.id, tokenHash: hashSessionToken(token), expiresAt: sessionExpiry(now) },
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
