import type { PrismaClient } from '../../generated/prisma/client.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { passwordProblems } from '../../auth/password-rules.ts';
import type { Viewer } from '../../auth/session.ts';
import { InvalidCredentialsError, ValidationFailedError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * Replaces the signed-in user's password (a temporary one included) after checking the current one. Their
 * other sessions end; this one carries on.
 */
export async function changeOwnPassword(prisma: PrismaClient, viewer: Viewer, { currentPassword, newPassword }: PasswordChange): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { email: true, passwordHash: true } });
  const problems = passwordProblems(newPassword, user.email);
  if (problems.length > 0) throw new ValidationFailedError(problems.map((message) => ({ path: ['newPassword'], message })));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new InvalidCredentialsError('Your current password is incorrect.');
  if (newPassword === currentPassword) {
    throw new ValidationFailedError([{ path: ['newPassword'], message: 'Choose a new password that is different from your current one.' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    // Only over the password just checked: a reset in the meantime wins.
    const { count } = await tx.user.updateMany({ where: { id: viewer.userId, passwordHash: user.passwordHash }, data: { passwordHash, passwordChangeRequired: false } });
    if (count === 0) throw new InvalidCredentialsError('Your current password is incorrect.');
    await tx.session.deleteMany({ where: { userId: viewer.userId, id: { not: viewer.sessionId } } });
    await recordAudit(tx, { icsId: viewer.icsId, actorId: viewer.userId, action: 'user.password.change', entityType: 'User', entityId: viewer.userId });
  });
}
