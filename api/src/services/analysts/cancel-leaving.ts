import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { canRecordLeaving } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, InvalidTransitionError, LeavingDatePassedError, NotFoundError, StaleVersionError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { lockAnalysts } from '../allocations/capacity-guard.ts';
import type { AppliedLeaving } from './apply-leaving.ts';
import { leavingHasHappened } from './leaving-plan.ts';

type Client = PrismaClient | Prisma.TransactionClient;

const day = (date: Date) => date.toISOString().slice(0, 10);

const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/**
 * What the analyst's latest recorded leaving ended and withdrew, read back from its audit event: cancelling
 * the leaving does not restore these, so the leads can propose them again.
 */
export async function recordedLeavingChanges(db: Client, icsId: string, analystId: string): Promise<AppliedLeaving> {
  const event = await db.auditEvent.findFirst({
    where: { icsId, action: 'analyst.leave', entityType: 'Analyst', entityId: analystId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { after: true },
  });
  const after = (event?.after ?? {}) as Record<string, unknown>;
  return { endedAllocationIds: idsIn(after.endedAllocationIds), withdrawnAllocationIds: idsIn(after.withdrawnAllocationIds) };
}

/**
 * Cancels a leaving recorded for a day still ahead ("they are staying after all"): the date is cleared, in
 * one transaction under the analyst's row lock, and audited with the allocations the leaving ended or
 * withdrew, which stay as they are. From the leaving day on it is refused with LEAVING_DATE_PASSED. Allowed
 * to the analyst's home organisation lead and workforce leads.
 */
export async function cancelAnalystLeaving(
  prisma: PrismaClient,
  viewer: Viewer,
  { analystId, version }: { analystId: string; version: number },
  today: Date,
): Promise<AppliedLeaving> {
  return prisma.$transaction(async (tx) => {
    await lockAnalysts(tx, [analystId]);
    const analyst = await tx.analyst.findFirst({
      where: { id: analystId, icsId: viewer.icsId },
      select: { id: true, organisationId: true, name: true, status: true, leftAt: true, version: true },
    });
    if (!analyst) throw new NotFoundError('Analyst');
    if (!canRecordLeaving(viewer, analyst)) {
      throw new ForbiddenError('Only a lead of the analyst’s home organisation or a workforce lead cancels their leaving.');
    }
    if (!analyst.leftAt) throw new InvalidTransitionError(`No leaving is recorded for ${analyst.name}.`);
    if (analyst.status === 'LEFT' || leavingHasHappened(analyst.leftAt, today)) throw new LeavingDatePassedError(analyst.name, day(analyst.leftAt));
    if (analyst.version !== version) throw new StaleVersionError('Analyst');

    const notRestored = await recordedLeavingChanges(tx, viewer.icsId, analystId);
    await tx.analyst.update({ where: { id: analystId, version }, data: { leftAt: null, version: { increment: 1 } }, select: { id: true } });
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'analyst.cancelLeaving',
      entityType: 'Analyst',
      entityId: analystId,
      before: { leftAt: day(analyst.leftAt) },
      after: { leftAt: null, notRestored: { ...notRestored } },
    });
    return notRestored;
  });
}
