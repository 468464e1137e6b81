import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import { ForbiddenError, InvalidTransitionError, ValidationFailedError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { fairnessFigures } from './figures.ts';
import { loadFairnessData } from './load-data.ts';
import type { ClosedFairnessPeriod } from './periods.ts';
import { checkedSpan } from './report.ts';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Freezes the fairness balances of a finished span of weeks (workforce leads only), all or nothing with its
 * audit event. The ICS row is locked first, so two closes of overlapping spans cannot both succeed: periods
 * never overlap and close in time order. The credit frozen here is what `carriedCreditByOrganisation`
 * hands to the next matching run.
 */
export async function closeFairnessPeriod(prisma: PrismaClient, viewer: Viewer, requested: WeekSpan, now: Date): Promise<ClosedFairnessPeriod> {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only workforce leads close fairness periods.');
  const span = checkedSpan({ startWeek: mondayOf(requested.startWeek), endWeek: mondayOf(requested.endWeek) });
  if (span.endWeek >= mondayOf(now)) {
    throw new ValidationFailedError([{ path: ['endWeek'], message: 'A period can be closed only once its last week is over.' }]);
  }
  const { icsId } = viewer;

  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Ics" WHERE id = ${icsId}::uuid FOR UPDATE`;
    const last = await tx.fairnessPeriod.findFirst({ where: { icsId }, orderBy: { endWeek: 'desc' }, select: { endWeek: true } });
    if (last && last.endWeek >= span.startWeek) {
      throw new InvalidTransitionError(
        `Weeks up to ${isoDate(last.endWeek)} are already closed; the next period must start on or after ${isoDate(addWeeksTo(last.endWeek, 1))}.`,
      );
    }
    const data = await loadFairnessData(tx, icsId, span);
    const figures = fairnessFigures(data, span);
    const balances = figures.organisations.map(({ organisationId, ...values }) => ({ icsId, organisationId, ...values }));
    const period = await tx.fairnessPeriod.create({
      data: {
        icsId,
        startWeek: span.startWeek,
        endWeek: span.endWeek,
        policy: data.policy,
        closedAt: now,
        closedById: viewer.userId,
        balances: { createMany: { data: balances } },
      },
      select: { id: true, startWeek: true, endWeek: true, closedAt: true, closedBy: { select: { name: true } } },
    });
    await recordAudit(tx, {
      icsId,
      actorId: viewer.userId,
      action: 'fairnessPeriod.close',
      entityType: 'FairnessPeriod',
      entityId: period.id,
      after: { startWeek: isoDate(span.startWeek), endWeek: isoDate(span.endWeek), policy: data.policy, balances: figures.organisations.map((row) => ({ ...row })) },
    });
    const { closedBy, ...closed } = period;
    return { ...closed, closedByName: closedBy?.name ?? null, policy: data.policy };
  });
}
