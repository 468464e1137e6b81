import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, InvalidTransitionError, StaleVersionError, ValidationFailedError } from '../../errors.ts';
import { changeAllocation, findAllocation, LIVE_STATUSES, type AllocationRecord } from './records.ts';
import { endMentoredPlacements } from './mentoring.ts';
import { syncRequestStatus } from './request-status.ts';

/**
 * Withdraws a proposal or an accepted or active allocation, freeing the analyst's time. Open to workforce
 * leads and to the lead of the organisation that made the request.
 */
export async function withdrawAllocation(
  prisma: PrismaClient,
  viewer: Viewer,
  { id, version, reason }: { id: string; version: number; reason: string },
): Promise<{ id: string }> {
  const trimmed = reason.trim();
  if (!trimmed) throw new ValidationFailedError([{ path: ['reason'], message: 'Say why the allocation is withdrawn.' }]);
  return prisma.$transaction(async (tx) => {
    const before = await findAllocation(tx, viewer, id);
    const requester = viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId === before.request.project.organisationId;
    if (!isWorkforceLead(viewer) && !requester) {
      throw new ForbiddenError('Only a workforce lead or the requesting organisation’s lead withdraws an allocation.');
    }
    if (before.version !== version) throw new StaleVersionError('Allocation');
    if (!LIVE_STATUSES.includes(before.status)) {
      throw new InvalidTransitionError(`The allocation is ${before.status.toLowerCase()} already; it cannot be withdrawn.`);
    }
    await withdrawLiveAllocation(tx, before, { actorId: viewer.userId, reason: trimmed });
    return { id };
  });
}

/**
 * Withdraws a live allocation at its current version in the caller's transaction, with the placements it
 * mentors, and lets its request's status follow.
 */
export async function withdrawLiveAllocation(
  tx: Prisma.TransactionClient,
  allocation: AllocationRecord,
  { actorId, reason }: { actorId: string | null; reason: string },
): Promise<void> {
  await changeAllocation(tx, allocation, {
    version: allocation.version,
    action: 'allocation.withdraw',
    actorId,
    data: { status: 'WITHDRAWN', declineReason: reason },
  });
  await endMentoredPlacements(tx, allocation.id, actorId);
  await syncRequestStatus(tx, allocation.requestId, actorId);
}
