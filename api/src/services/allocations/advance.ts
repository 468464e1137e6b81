import type { PrismaClient } from '../../generated/prisma/client.ts';
import { mondayOf } from '../../domain/weeks.ts';
import { allocationFields, changeAllocation } from './records.ts';
import { syncRequestStatus } from './request-status.ts';

/**
 * Moves allocations along with the calendar: ACCEPTED → ACTIVE once the start week has begun, ACTIVE (or an
 * ACCEPTED one whose weeks passed unnoticed) → COMPLETED once the end week is over. Each change is its own
 * transaction with its audit event (actor null: the system) and the request's status; a change that loses a
 * race with a person's edit (stale version) is left for the next pass.
 */
export async function advanceAllocationStatuses(prisma: PrismaClient, today: Date): Promise<{ activated: number; completed: number }> {
  const thisWeek = mondayOf(today);
  const due = await prisma.allocation.findMany({
    where: {
      OR: [
        { status: 'ACCEPTED', startWeek: { lte: thisWeek } },
        { status: 'ACTIVE', endWeek: { lt: thisWeek } },
      ],
    },
    select: allocationFields,
    orderBy: { id: 'asc' },
  });
  let activated = 0;
  let completed = 0;
  for (const allocation of due) {
    const status = allocation.endWeek < thisWeek ? 'COMPLETED' : 'ACTIVE';
    const advanced = await prisma
      .$transaction(async (tx) => {
        await changeAllocation(tx, allocation, {
          version: allocation.version,
          action: status === 'ACTIVE' ? 'allocation.activate' : 'allocation.complete',
          actorId: null,
          data: { status },
        });
        await syncRequestStatus(tx, allocation.requestId, null);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof Error && 'code' in error && error.code === 'STALE_VERSION') return false;
        throw error;
      });
    if (!advanced) continue;
    if (status === 'ACTIVE') activated += 1;
    else completed += 1;
  }
  return { activated, completed };
}
