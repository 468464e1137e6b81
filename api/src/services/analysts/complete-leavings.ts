import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit.ts';
import { lockAnalysts } from '../allocations/capacity-guard.ts';
import { changeUserAccess } from '../user-access.ts';
import { applyLeavingChanges, leaverAllocations, LEFT_STATE } from './apply-leaving.ts';
import { leavingHasHappened } from './leaving-plan.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Makes every analyst whose recorded leaving day has come LEFT, each in a transaction of its own under their
 * row lock: sign-in disabled and sessions ended, calendar link cleared, and the proposals they had not
 * decided withdrawn (nothing else runs past their last working week: recording the date saw to that).
 * Running it again changes nothing; a leaving cancelled meanwhile is left alone.
 */
export async function completeDueLeavings(prisma: PrismaClient, today: Date): Promise<{ left: string[] }> {
  const due = await prisma.analyst.findMany({
    where: { status: 'ACTIVE', leftAt: { lte: new Date(day(today)) } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const left: string[] = [];
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      await lockAnalysts(tx, [id]);
      const analyst = await tx.analyst.findUniqueOrThrow({
        where: { id },
        select: { icsId: true, status: true, leftAt: true, calendarSecretHash: true, user: { select: { id: true, disabled: true } } },
      });
      if (analyst.status !== 'ACTIVE' || !analyst.leftAt || !leavingHasHappened(analyst.leftAt, today)) return false;
      const applied = await applyLeavingChanges(tx, await leaverAllocations(tx, id), analyst.leftAt, { actorId: null, today });
      await tx.analyst.update({ where: { id }, data: { ...LEFT_STATE, version: { increment: 1 } }, select: { id: true } });
      if (analyst.user) await changeUserAccess(tx, [analyst.user.id], { disabled: true });
      await recordAudit(tx, {
        icsId: analyst.icsId,
        actorId: null,
        action: 'analyst.left',
        entityType: 'Analyst',
        entityId: id,
        before: { status: 'ACTIVE', calendarFeed: analyst.calendarSecretHash !== null, signInDisabled: analyst.user?.disabled ?? null },
        after: { status: 'LEFT', leftAt: day(analyst.leftAt), calendarFeed: false, signInDisabled: analyst.user ? true : null, ...applied },
      });
      return true;
    });
    if (done) left.push(id);
  }
  return { left };
}
