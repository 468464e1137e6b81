import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { normaliseEmail } from '../../auth/email.ts';
import { hashPassword } from '../../auth/password.ts';
import type { Viewer } from '../../auth/session.ts';
import { InvalidTransitionError, NotFoundError, OwnAccountError, ValidationFailedError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { changeUserAccess } from '../user-access.ts';
import {
  ACCOUNT_FIELDS,
  accountSnapshot,
  checkAccess,
  checkTemporaryPassword,
  keepAWorkforceLead,
  lockAccounts,
  type AccountAccess,
} from './account-rules.ts';

// A workforce lead manages the accounts of their own ICS: every change is audited in its transaction, and
// every change of access ends the user's sessions (changeUserAccess). Another ICS's users read as unknown.

export interface NewAccount extends AccountAccess {
  email: string;
  name: string;
  temporaryPassword: string;
}

const EMAIL_TAKEN = { path: ['input', 'email'], message: 'An account with this email address already exists.' };

/** A new account that signs in with a temporary password and must replace it first. */
export async function createUser(prisma: PrismaClient, viewer: Viewer, input: NewAccount): Promise<{ id: string }> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  checkTemporaryPassword(input.temporaryPassword, email, ['input', 'temporaryPassword']);
  const passwordHash = await hashPassword(input.temporaryPassword);
  try {
    return await prisma.$transaction(async (tx) => {
      await lockAccounts(tx, viewer.icsId);
      const access = await checkAccess(tx, viewer.icsId, input, null);
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new ValidationFailedError([EMAIL_TAKEN]);
      const user = await tx.user.create({
        data: { icsId: viewer.icsId, email, name, passwordHash, passwordChangeRequired: true, ...access },
        select: ACCOUNT_FIELDS,
      });
      await recordAudit(tx, { icsId: viewer.icsId, actorId: viewer.userId, action: 'user.create', entityType: 'User', entityId: user.id, after: accountSnapshot(user) });
      return { id: user.id };
    });
  } catch (error) {
    // Another request created the same email between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new ValidationFailedError([EMAIL_TAKEN]);
    throw error;
  }
}

/** Changes a user's role, organisation and linked analyst; they are signed out everywhere. */
export async function updateUserAccess(prisma: PrismaClient, viewer: Viewer, id: string, input: AccountAccess): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockAccounts(tx, viewer.icsId);
    const user = await accountOf(tx, viewer, id, 'change the role of');
    const access = await checkAccess(tx, viewer.icsId, input, user.id);
    if (access.role === user.role && access.organisationId === user.organisationId && access.analystId === user.analystId) return;
    if (user.role === 'WORKFORCE_LEAD' && access.role !== 'WORKFORCE_LEAD' && !user.disabled) await keepAWorkforceLead(tx, viewer.icsId, user.id);
    await changeUserAccess(tx, [user.id], access);
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'user.access',
      entityType: 'User',
      entityId: user.id,
      before: accountSnapshot(user),
      after: accountSnapshot({ ...user, ...access }),
    });
  });
}

/** Disables an account (signed out everywhere, cannot sign in) or enables it again. */
export async function setUserDisabled(prisma: PrismaClient, viewer: Viewer, id: string, disabled: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockAccounts(tx, viewer.icsId);
    const user = await accountOf(tx, viewer, id, disabled ? 'disable' : 'enable');
    if (user.disabled === disabled) return;
    if (disabled && user.role === 'WORKFORCE_LEAD') await keepAWorkforceLead(tx, viewer.icsId, user.id);
    if (!disabled && user.analystId) {
      const analyst = await tx.analyst.findUniqueOrThrow({ where: { id: user.analystId }, select: { status: true } });
      if (analyst.status !== 'ACTIVE') throw new InvalidTransitionError(`${user.name} has left the pool, so their account stays disabled.`);
    }
    await changeUserAccess(tx, [user.id], { disabled });
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'User',
      entityId: user.id,
      before: accountSnapshot(user),
      after: accountSnapshot({ ...user, disabled }),
    });
  });
}

/** Sets a temporary password the user must replace at their next sign-in; their sessions end. */
export async function resetUserPassword(prisma: PrismaClient, viewer: Viewer, id: string, temporaryPassword: string): Promise<void> {
  const user = await accountOf(prisma, viewer, id, 'reset the password of');
  checkTemporaryPassword(temporaryPassword, user.email, ['temporaryPassword']);
  const passwordHash = await hashPassword(temporaryPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangeRequired: true } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { icsId: viewer.icsId, actorId: viewer.userId, action: 'user.password.reset', entityType: 'User', entityId: user.id });
  });
}

/** A user of the viewer's ICS other than the viewer; NOT_FOUND for anyone else's, OWN_ACCOUNT for their own. */
async function accountOf(tx: Prisma.TransactionClient, viewer: Viewer, id: string, what: string) {
  const user = await tx.user.findFirst({ where: { id, icsId: viewer.icsId }, select: ACCOUNT_FIELDS });
  if (!user) throw new NotFoundError('User');
  if (user.id === viewer.userId) throw new OwnAccountError(what);
  return user;
}
