import type { PrismaClient } from '../../generated/prisma/client.ts';
import { canRecordLeaving } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, InvalidTransitionError, NotFoundError, StaleVersionError, ValidationFailedError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { lockAnalysts } from '../allocations/capacity-guard.ts';
import { cutShort } from '../allocations/cut-short.ts';
import { allocationFields, LIVE_STATUSES } from '../allocations/records.ts';
import { withdrawLiveAllocation } from '../allocations/withdraw.ts';
import { changeUserAccess } from '../user-access.ts';
import { lastWorkingWeek, leavingChanges, leavingDateIssues } from './leaving-plan.ts';

/** The reason the allocations a leaver can no longer work are withdrawn with. */
const LEFT_REASON = 'The analyst has left the pool.';

export interface Leaving {
  analystId: string;
  leftOn: Date;
  version: number;
}

export interface LeavingSettings {
  today: Date;
  retentionMonthsAfterLeaving: number;
}

/**
 * Records that an analyst has left, in one transaction under the lock capacity changes take: status LEFT
 * from `leftOn`; their undecided proposals and the agreed allocations they would not begin are withdrawn,
 * and agreed ones running past their last working week end then (leavingChanges), with the development
 * placements they mentor; requests' statuses follow; their sign-in is disabled and every session ended;
 * their calendar link stops working. Allowed to their home organisation's lead and workforce leads.
 */
export async function recordAnalystLeaving(
  prisma: PrismaClient,
  viewer: Viewer,
  { analystId, leftOn, version }: Leaving,
  { today, retentionMonthsAfterLeaving }: LeavingSettings,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await lockAnalysts(tx, [analystId]);
    const analyst = await tx.analyst.findFirst({
      where: { id: analystId, icsId: viewer.icsId },
      select: {
        id: true,
        organisationId: true,
        name: true,
        status: true,
        leftAt: true,
        version: true,
        calendarSecretHash: true,
        user: { select: { id: true, disabled: true } },
      },
    });
    if (!analyst) throw new NotFoundError('Analyst');
    if (!canRecordLeaving(viewer, analyst)) {
      throw new ForbiddenError('Only a lead of the analyst’s home organisation or a workforce lead records that they have left.');
    }
    if (analyst.status === 'LEFT') {
      throw new InvalidTransitionError(`${analyst.name} is already recorded as having left on ${analyst.leftAt?.toISOString().slice(0, 10)}.`);
    }
    if (analyst.version !== version) throw new StaleVersionError('Analyst');

    const allocations = await tx.allocation.findMany({
      where: { analystId, status: { in: [...LIVE_STATUSES, 'COMPLETED'] } },
      select: { ...allocationFields, request: { select: { title: true } } },
      orderBy: [{ startWeek: 'asc' }, { id: 'asc' }],
    });
    const completed = allocations.filter((allocation) => allocation.status === 'COMPLETED');
    const issues = leavingDateIssues(leftOn, { today, retentionMonthsAfterLeaving, completed });
    if (issues.length > 0) throw new ValidationFailedError(issues);

    const changes = leavingChanges(allocations, leftOn);
    const cut = { lastWeek: lastWorkingWeek(leftOn), actorId: viewer.userId, reason: LEFT_REASON, today };
    for (const { allocation, outcome } of changes) {
      if (outcome === 'WITHDRAW') await withdrawLiveAllocation(tx, allocation, { actorId: viewer.userId, reason: LEFT_REASON });
      else await cutShort(tx, allocation, cut);
    }

    await tx.analyst.update({
      where: { id: analystId, version },
      data: { status: 'LEFT', leftAt: leftOn, calendarSecretHash: null, version: { increment: 1 } },
      select: { id: true },
    });
    if (analyst.user) await changeUserAccess(tx, [analyst.user.id], { disabled: true });
    const ids = (outcome: string) => changes.filter((change) => change.outcome === outcome).map((change) => change.allocation.id);
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'analyst.leave',
      entityType: 'Analyst',
      entityId: analystId,
      before: { status: analyst.status, leftAt: null, calendarFeed: analyst.calendarSecretHash !== null, signInDisabled: analyst.user?.disabled ?? null },
      after: {
        status: 'LEFT',
        leftAt: leftOn.toISOString().slice(0, 10),
        calendarFeed: false,
        signInDisabled: analyst.user ? true : null,
        endedAllocationIds: ids('END'),
        withdrawnAllocationIds: ids('WITHDRAW'),
      },
    });
    return { id: analystId };
  });
}
