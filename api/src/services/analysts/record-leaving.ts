import type { PrismaClient } from '../../generated/prisma/client.ts';
import { canRecordLeaving } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, InvalidTransitionError, NotFoundError, StaleVersionError, ValidationFailedError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { lockAnalysts } from '../allocations/capacity-guard.ts';
import { changeUserAccess } from '../user-access.ts';
import { applyLeavingChanges, leaverAllocations, LEFT_STATE } from './apply-leaving.ts';
import { leavingDateIssues, leavingHasHappened } from './leaving-plan.ts';

export interface Leaving {
  analystId: string;
  leftOn: Date;
  version: number;
}

export interface LeavingSettings {
  today: Date;
  retentionMonthsAfterLeaving: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Records an analyst's leaving date, today, in the past or up to LEAVING_NOTICE_MONTHS ahead, in one
 * transaction under the lock capacity changes take. At once: the allocations they will not work are withdrawn
 * and agreed ones running past their last working week end then (leavingChanges), with the development
 * placements they mentor; requests' statuses follow, and they have no time for matching from the week they
 * leave in. On the day itself (now, or later by completeDueLeavings) they become LEFT: sign-in disabled, every
 * session ended, calendar link dead. Allowed to their home organisation's lead and workforce leads.
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
      throw new InvalidTransitionError(`${analyst.name} is already recorded as having left on ${analyst.leftAt ? day(analyst.leftAt) : 'an earlier day'}.`);
    }
    if (analyst.leftAt) {
      throw new InvalidTransitionError(`${analyst.name} is already recorded as leaving on ${day(analyst.leftAt)}; cancel that leaving first to give another date.`);
    }
    if (analyst.version !== version) throw new StaleVersionError('Analyst');

    const allocations = await leaverAllocations(tx, analystId);
    const completed = allocations.filter((allocation) => allocation.status === 'COMPLETED');
    const issues = leavingDateIssues(leftOn, { today, retentionMonthsAfterLeaving, completed });
    if (issues.length > 0) throw new ValidationFailedError(issues);

    const applied = await applyLeavingChanges(tx, allocations, leftOn, { actorId: viewer.userId, today });
    const happened = leavingHasHappened(leftOn, today);
    await tx.analyst.update({
      where: { id: analystId, version },
      data: { leftAt: leftOn, ...(happened ? LEFT_STATE : {}), version: { increment: 1 } },
      select: { id: true },
    });
    if (happened && analyst.user) await changeUserAccess(tx, [analyst.user.id], { disabled: true });
    const calendarFeed = analyst.calendarSecretHash !== null;
    const signInDisabled = analyst.user?.disabled ?? null;
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'analyst.leave',
      entityType: 'Analyst',
      entityId: analystId,
      before: { status: analyst.status, leftAt: null, calendarFeed, signInDisabled },
      after: {
        status: happened ? 'LEFT' : analyst.status,
        leftAt: day(leftOn),
        calendarFeed: happened ? false : calendarFeed,
        signInDisabled: happened && analyst.user ? true : signInDisabled,
        ...applied,
      },
    });
    return { id: analystId };
  });
}
