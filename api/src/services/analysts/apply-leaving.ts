import type { Prisma } from '../../generated/prisma/client.ts';
import { cutShort } from '../allocations/cut-short.ts';
import { allocationFields, LIVE_STATUSES } from '../allocations/records.ts';
import { withdrawLiveAllocation } from '../allocations/withdraw.ts';
import { lastWorkingWeek, leavingChanges } from './leaving-plan.ts';

/** The reason the allocations a leaver can no longer work are withdrawn with. */
const LEFT_REASON = 'The analyst has left the pool.';

/** What leaving did to an analyst's allocations, as the audit log records it (and cancelling reads it back). */
export interface AppliedLeaving {
  endedAllocationIds: string[];
  withdrawnAllocationIds: string[];
}

/** The analyst's live and completed allocations, in the order leaving handles them. */
export function leaverAllocations(tx: Prisma.TransactionClient, analystId: string) {
  return tx.allocation.findMany({
    where: { analystId, status: { in: [...LIVE_STATUSES, 'COMPLETED'] } },
    select: { ...allocationFields, request: { select: { title: true } } },
    orderBy: [{ startWeek: 'asc' }, { id: 'asc' }],
  });
}

/**
 * Applies leavingChanges in the caller's transaction: withdraws what the leaver will not work and ends the rest
 * in their last working week, with the development placements they mentor; requests' statuses follow.
 */
export async function applyLeavingChanges(
  tx: Prisma.TransactionClient,
  allocations: Awaited<ReturnType<typeof leaverAllocations>>,
  leftOn: Date,
  { actorId, today }: { actorId: string | null; today: Date },
): Promise<AppliedLeaving> {
  const changes = leavingChanges(allocations, leftOn, today);
  const cut = { lastWeek: lastWorkingWeek(leftOn), actorId, reason: LEFT_REASON, today };
  for (const { allocation, outcome } of changes) {
    if (outcome === 'WITHDRAW') await withdrawLiveAllocation(tx, allocation, { actorId, reason: LEFT_REASON });
    else await cutShort(tx, allocation, cut);
  }
  const ids = (outcome: string) => changes.filter((change) => change.outcome === outcome).map((change) => change.allocation.id);
  return { endedAllocationIds: ids('END'), withdrawnAllocationIds: ids('WITHDRAW') };
}

/** From the leaving day: the analyst is LEFT and their calendar link stops working (their sign-in is disabled too). */
export const LEFT_STATE = { status: 'LEFT', calendarSecretHash: null } as const satisfies Prisma.AnalystUpdateInput;

