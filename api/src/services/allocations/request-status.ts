import type { Prisma } from '../../generated/prisma/client.ts';
import type { RequestStatus } from '../../generated/prisma/enums.ts';
import { toTenths } from '../../domain/capacity.ts';
import { indexesWithin, weekCount } from '../../domain/weeks.ts';
import { recordAudit } from '../audit.ts';

/** Statuses that follow the request's allocations; DRAFT and CANCELLED are the organisation lead's to set. */
const FOLLOWING: RequestStatus[] = ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE', 'COMPLETED'];

/**
 * Sets a submitted request's status from its agreed allocations (accepted, active or completed), in the
 * caller's transaction: ACTIVE while one is active; otherwise MATCHED when accepted ones cover the
 * requested FTE in every week, PARTIALLY_MATCHED when they cover less; COMPLETED when all are completed and
 * reach the request's last week; SUBMITTED when none is agreed. Records an audit event when it changes.
 */
export async function syncRequestStatus(tx: Prisma.TransactionClient, requestId: string, actorId: string | null): Promise<void> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      icsId: true,
      status: true,
      fte: true,
      startWeek: true,
      endWeek: true,
      allocations: {
        where: { status: { in: ['ACCEPTED', 'ACTIVE', 'COMPLETED'] } },
        select: { status: true, fte: true, startWeek: true, endWeek: true },
      },
    },
  });
  if (!FOLLOWING.includes(request.status)) return;
  const status = followingStatus(request);
  if (status === request.status) return;
  await tx.request.update({ where: { id: requestId }, data: { status, version: { increment: 1 } } });
  await recordAudit(tx, {
    icsId: request.icsId,
    actorId,
    action: 'request.status.follow',
    entityType: 'Request',
    entityId: requestId,
    before: { status: request.status },
    after: { status },
  });
}

type RequestWithAgreed = {
  fte: { toNumber(): number };
  startWeek: Date;
  endWeek: Date;
  allocations: { status: string; fte: { toNumber(): number }; startWeek: Date; endWeek: Date }[];
};

function followingStatus(request: RequestWithAgreed): RequestStatus {
  const agreed = request.allocations;
  if (agreed.length === 0) return 'SUBMITTED';
  if (agreed.some((allocation) => allocation.status === 'ACTIVE')) return 'ACTIVE';
  const accepted = agreed.filter((allocation) => allocation.status === 'ACCEPTED');
  // Completed work that stopped short (its analyst left, say) leaves the later weeks still to cover.
  const reachesEnd = agreed.some((allocation) => allocation.endWeek >= request.endWeek);
  if (accepted.length === 0 && reachesEnd) return 'COMPLETED';
  const covered = new Array<number>(weekCount(request)).fill(0);
  for (const allocation of agreed) {
    const span = indexesWithin(request, allocation);
    if (!span) continue;
    for (let week = span.first; week <= span.last; week += 1) covered[week]! += toTenths(allocation.fte);
  }
  return covered.every((tenths) => tenths >= toTenths(request.fte)) ? 'MATCHED' : 'PARTIALLY_MATCHED';
}
