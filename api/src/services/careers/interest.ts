import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { analystIdOf } from './signed-in-analyst.ts';

const OPEN_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED'] as const;

/**
 * Records (interested: true) or removes the signed-in analyst's interest in an open request of their ICS.
 * Repeating either is a no-op that writes nothing; a change is audited in its own transaction.
 */
export async function setInterest(
  prisma: PrismaClient,
  viewer: Viewer,
  { requestId, interested }: { requestId: string; interested: boolean },
): Promise<{ requestId: string; interested: boolean }> {
  const analystId = analystIdOf(viewer);
  return prisma.$transaction(async (tx) => {
    const request = await tx.request.findFirst({
      where: { id: requestId, icsId: viewer.icsId, status: { in: [...OPEN_STATUSES] }, project: { status: 'ACTIVE' } },
      select: { id: true },
    });
    // Withdrawing stays possible once a request has closed; expressing interest needs an open one.
    if (!request && interested) throw new NotFoundError('Open request');
    const existing = await tx.interest.findUnique({ where: { analystId_requestId: { analystId, requestId } } });
    if (interested && !existing) {
      const created = await tx.interest.create({ data: { icsId: viewer.icsId, analystId, requestId } });
      await recordAudit(tx, {
        icsId: viewer.icsId,
        actorId: viewer.userId,
        action: 'interest.express',
        entityType: 'Interest',
        entityId: created.id,
        after: { analystId, requestId },
      });
    } else if (!interested && existing) {
      await tx.interest.delete({ where: { id: existing.id } });
      await recordAudit(tx, {
        icsId: viewer.icsId,
        actorId: viewer.userId,
        action: 'interest.withdraw',
        entityType: 'Interest',
        entityId: existing.id,
        before: { analystId, requestId },
      });
    }
    return { requestId, interested };
  });
}
