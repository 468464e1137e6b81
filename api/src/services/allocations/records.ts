import type { Prisma } from '../../generated/prisma/client.ts';
import type { AllocationStatus } from '../../generated/prisma/enums.ts';
import type { Viewer } from '../../auth/session.ts';
import { NotFoundError, StaleVersionError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';

/** Allocations still in play: not declined, withdrawn or completed. */
export const LIVE_STATUSES: AllocationStatus[] = ['PROPOSED', 'ACCEPTED', 'ACTIVE'];

/** The allocation fields a lifecycle step reads, and that audit events record before and after. */
export const allocationFields = {
  id: true,
  icsId: true,
  analystId: true,
  requestId: true,
  fte: true,
  startWeek: true,
  endWeek: true,
  kind: true,
  status: true,
  runId: true,
  mentorAllocationId: true,
  requesterDecision: true,
  releaseDecision: true,
  analystDecision: true,
  declineReason: true,
  confirmedAt: true,
  version: true,
} as const satisfies Prisma.AllocationSelect;

export type AllocationRecord = Prisma.AllocationGetPayload<{ select: typeof allocationFields }>;

/** Who the allocation concerns, for deciding which party a viewer is. */
export const allocationWithParties = {
  ...allocationFields,
  analyst: { select: { id: true, name: true, organisationId: true, pooledFte: true, protectedDevelopmentShare: true } },
  request: { select: { id: true, title: true, status: true, project: { select: { organisationId: true } } } },
} as const satisfies Prisma.AllocationSelect;

export type AllocationWithParties = Prisma.AllocationGetPayload<{ select: typeof allocationWithParties }>;

export async function findAllocation(tx: Prisma.TransactionClient, viewer: Viewer, id: string): Promise<AllocationWithParties> {
  const allocation = await tx.allocation.findFirst({ where: { id, icsId: viewer.icsId }, select: allocationWithParties });
  if (!allocation) throw new NotFoundError('Allocation');
  return allocation;
}

/** The audit form of an allocation: plain JSON, FTE as a number and weeks as days. */
export function snapshot(allocation: AllocationRecord): Prisma.InputJsonObject {
  return {
    analystId: allocation.analystId,
    requestId: allocation.requestId,
    fte: allocation.fte.toNumber(),
    startWeek: allocation.startWeek.toISOString().slice(0, 10),
    endWeek: allocation.endWeek.toISOString().slice(0, 10),
    kind: allocation.kind,
    status: allocation.status,
    runId: allocation.runId,
    mentorAllocationId: allocation.mentorAllocationId,
    requesterDecision: allocation.requesterDecision,
    releaseDecision: allocation.releaseDecision,
    analystDecision: allocation.analystDecision,
    declineReason: allocation.declineReason,
    confirmedAt: allocation.confirmedAt?.toISOString() ?? null,
    version: allocation.version,
  };
}

/**
 * Writes `data` only if the allocation is still at `version` (optimistic concurrency), bumps the version,
 * and records the change in the audit log. Returns the allocation as it now is.
 */
export async function changeAllocation(
  tx: Prisma.TransactionClient,
  before: AllocationRecord,
  change: { version: number; data: Prisma.AllocationUncheckedUpdateManyInput; action: string; actorId: string | null },
): Promise<AllocationRecord> {
  const { count } = await tx.allocation.updateMany({
    where: { id: before.id, version: change.version },
    data: { ...change.data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersionError('Allocation');
  const after = await tx.allocation.findUniqueOrThrow({ where: { id: before.id }, select: allocationFields });
  await recordAudit(tx, {
    icsId: before.icsId,
    actorId: change.actorId,
    action: change.action,
    entityType: 'Allocation',
    entityId: before.id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}
