import type { Prisma } from '../../generated/prisma/client.ts';
import { mondayOf } from '../../domain/weeks.ts';
import { MENTOR_ENDED_REASON } from './mentoring.ts';
import { allocationFields, changeAllocation, LIVE_STATUSES, type AllocationRecord } from './records.ts';
import { syncRequestStatus } from './request-status.ts';
import { withdrawLiveAllocation } from './withdraw.ts';

export interface CutShort {
  /** The last week (a Monday) the allocation may still run. */
  lastWeek: Date;
  actorId: string | null;
  /** Why, for the allocations this withdraws. */
  reason: string;
  today: Date;
}

/**
 * Makes a live allocation end by `lastWeek`, in the caller's transaction: one that has not begun by then, or
 * an undecided proposal reaching past it, is withdrawn; an agreed one running past it ends that week (and is
 * completed when that week is over). The development placements it mentors are cut short the same way, so
 * none outlives its mentor. Requests' statuses follow.
 */
export async function cutShort(tx: Prisma.TransactionClient, allocation: AllocationRecord, cut: CutShort): Promise<void> {
  if (allocation.endWeek <= cut.lastWeek) return;
  if (allocation.startWeek > cut.lastWeek || allocation.status === 'PROPOSED') {
    await withdrawLiveAllocation(tx, allocation, { actorId: cut.actorId, reason: cut.reason });
    return;
  }
  await changeAllocation(tx, allocation, {
    version: allocation.version,
    action: 'allocation.endEarly',
    actorId: cut.actorId,
    data: { endWeek: cut.lastWeek, ...(cut.lastWeek < mondayOf(cut.today) ? { status: 'COMPLETED' as const } : {}) },
  });
  const mentees = await tx.allocation.findMany({
    where: { mentorAllocationId: allocation.id, status: { in: LIVE_STATUSES } },
    select: allocationFields,
    orderBy: { id: 'asc' },
  });
  for (const mentee of mentees) await cutShort(tx, mentee, { ...cut, reason: MENTOR_ENDED_REASON });
  await syncRequestStatus(tx, allocation.requestId, cut.actorId);
}
