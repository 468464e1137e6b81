import type { Prisma } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';

/** What decides a user's access: their role, their organisation, the analyst they are, and whether they may sign in at all. */
export interface UserAccess {
  role?: Role;
  organisationId?: string | null;
  analystId?: string | null;
  disabled?: boolean;
}

/**
 * Changes users' access and ends every session they hold, in the caller's transaction: a session was
 * granted for the access its user had at sign-in, so after a change they sign in again. Every change of a
 * user's role, organisation, analyst or disabled flag goes through here.
 */
export async function changeUserAccess(tx: Prisma.TransactionClient, userIds: readonly string[], access: UserAccess): Promise<void> {
  if (userIds.length === 0) return;
  await tx.user.updateMany({ where: { id: { in: [...userIds] } }, data: access });
  await tx.session.deleteMany({ where: { userId: { in: [...userIds] } } });
}

/** An analyst who moves to another organisation signs in as one of its people: their user's organisation follows. */
export async function moveAnalystUsers(
  tx: Prisma.TransactionClient,
  analysts: readonly { id: string; organisationId: string }[],
): Promise<void> {
  if (analysts.length === 0) return;
  const destination = new Map(analysts.map((analyst) => [analyst.id, analyst.organisationId]));
  const users = await tx.user.findMany({
    where: { analystId: { in: [...destination.keys()] } },
    select: { id: true, analystId: true, organisationId: true },
  });
  const movers = new Map<string, string[]>();
  for (const user of users) {
    const organisationId = destination.get(user.analystId!)!;
    if (user.organisationId !== organisationId) movers.set(organisationId, [...(movers.get(organisationId) ?? []), user.id]);
  }
  for (const [organisationId, userIds] of movers) await changeUserAccess(tx, userIds, { organisationId });
}
