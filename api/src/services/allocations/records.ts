import type { Prisma } from '../../generated/prisma/client.ts';
import type { AllocationStatus } from '../../generated/prisma/enums.ts';
import type { Viewer } from '../../auth/session.ts';
import { NotFoundError, StaleVersionError } from '../../errors.ts';

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

/** The same change to several allocations, each expected at its own version. */
export interface AllocationChange {
  data: Prisma.AllocationUncheckedUpdateManyInput;
  action: string;
  actorId: string | null;
}

/**
 * Writes `change.data` to every allocation, only if each is still at its expected version (optimistic
 * concurrency: otherwise STALE_VERSION and nothing is written), bumps their versions and records one audit
 * event per allocation. Three statements whatever the number of allocations. Returns them as they now are.
 */
export async function changeAllocations(
  tx: Prisma.TransactionClient,
  changing: readonly { before: AllocationRecord; version: number }[],
  change: AllocationChange,
): Promise<AllocationRecord[]> {
  if (changing.length === 0) return [];
  const ids = changing.map(({ before }) => before.id);
  // Locked in id order, so the versions read here stay until the transaction ends.
  const current = await tx.$queryRaw<{ id: string }[]>`
    SELECT x.id FROM "Allocation" x
    JOIN unnest(${ids}::uuid[], ${changing.map(({ version }) => version)}::int[]) AS expected(id, version)
      ON x.id = expected.id AND x.version = expected.version
    ORDER BY x.id FOR UPDATE OF x`;
  if (current.length !== new Set(ids).size) throw new StaleVersionError('Allocation');
  const changed = await tx.allocation.updateManyAndReturn({
    where: { id: { in: ids } },
    data: { ...change.data, version: { increment: 1 } },
    select: allocationFields,
  });
  const afterById = new Map(changed.map((after) => [after.id, after]));
  await tx.auditEvent.createMany({
    data: changing.map(({ before }) => ({
      icsId: before.icsId,
      actorId: change.actorId,
      action: change.action,
      entityType: 'Allocation',
      entityId: before.id,
      before: snapshot(before),
      after: snapshot(afterById.get(before.id)!),
    })),
  });
  return changing.map(({ before }) => afterById.get(before.id)!);
}

/** `changeAllocations` for one allocation, expected at `change.version`. */
export async function changeAllocation(
  tx: Prisma.TransactionClient,
  before: AllocationRecord,
  change: AllocationChange & { version: number },
): Promise<AllocationRecord> {
  const [after] = await changeAllocations(tx, [{ before, version: change.version }], change);
  return after!;
}
