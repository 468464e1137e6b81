import type { Prisma } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/session.ts';
import { StaleVersionError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { calendarDay, LIVE_ALLOCATION_STATUSES, requestAudit, requestSnapshot, type RequestSnapshot } from './projects-access.ts';

const allocationSnapshot = {
  id: true,
  analystId: true,
  requestId: true,
  fte: true,
  startWeek: true,
  endWeek: true,
  status: true,
  version: true,
} as const satisfies Prisma.AllocationSelect;

/**
 * Cancels an open request and withdraws every allocation on it that is not final, which frees the
 * analysts' time; `request.version` must still be current. Audits each change, in the caller's transaction.
 */
export async function cancelRequestAndWithdraw(tx: Prisma.TransactionClient, viewer: Viewer, request: RequestSnapshot): Promise<void> {
  const { count } = await tx.request.updateMany({
    where: { id: request.id, version: request.version },
    data: { status: 'CANCELLED', version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersionError('Request');
  const after = await tx.request.findUniqueOrThrow({ where: { id: request.id }, select: requestSnapshot });
  const audit = { icsId: viewer.icsId, actorId: viewer.userId };
  await recordAudit(tx, {
    ...audit,
    action: 'request.cancel',
    entityType: 'Request',
    entityId: request.id,
    before: requestAudit(request),
    after: requestAudit(after),
  });

  const allocations = await tx.allocation.findMany({
    where: { requestId: request.id, status: { in: [...LIVE_ALLOCATION_STATUSES] } },
    select: allocationSnapshot,
    orderBy: { id: 'asc' },
  });
  for (const allocation of allocations) {
    // One at a time, so only an allocation still live when its row is written is withdrawn and audited.
    const withdrawn = await tx.allocation.updateMany({
      where: { id: allocation.id, status: { in: [...LIVE_ALLOCATION_STATUSES] } },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    if (withdrawn.count === 0) continue;
    const before = { ...allocation, fte: allocation.fte.toNumber(), startWeek: calendarDay(allocation.startWeek), endWeek: calendarDay(allocation.endWeek) };
    await recordAudit(tx, {
      ...audit,
      action: 'allocation.withdraw',
      entityType: 'Allocation',
      entityId: allocation.id,
      before,
      after: { ...before, status: 'WITHDRAWN', version: allocation.version + 1, reason: 'request cancelled' },
    });
  }
}
