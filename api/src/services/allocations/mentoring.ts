import type { Prisma } from '../../generated/prisma/client.ts';
import { changeAllocations, LIVE_STATUSES, allocationFields } from './records.ts';

/** Why a development placement was withdrawn with its mentor's allocation. */
export const MENTOR_ENDED_REASON = 'The mentor’s allocation on this request ended, so this development placement ended with it.';

/**
 * A development placement is never left without its mentor: when the mentor's allocation is withdrawn or
 * declined, the live placements it mentors are withdrawn with it, each audited, in the same transaction.
 */
export async function endMentoredPlacements(
  tx: Prisma.TransactionClient,
  mentorAllocationId: string,
  actorId: string | null,
): Promise<void> {
  const mentees = await tx.allocation.findMany({
    where: { mentorAllocationId, status: { in: LIVE_STATUSES } },
    select: allocationFields,
    orderBy: { id: 'asc' },
  });
  await changeAllocations(
    tx,
    mentees.map((mentee) => ({ before: mentee, version: mentee.version })),
    { action: 'allocation.withdraw', actorId, data: { status: 'WITHDRAWN', declineReason: MENTOR_ENDED_REASON } },
  );
}
