import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Decision } from '../../generated/prisma/enums.ts';
import { allocationPartiesOf, type AllocationParty } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { mondayOf } from '../../domain/weeks.ts';
import { ForbiddenError, InvalidTransitionError, StaleVersionError } from '../../errors.ts';
import { changeAllocation, findAllocation } from './records.ts';
import { endMentoredPlacements } from './mentoring.ts';
import { offerReplacement } from './replacement.ts';
import { syncRequestStatus } from './request-status.ts';

export type DecisionChoice = 'ACCEPT' | 'DECLINE';

const DECISION_FIELD = {
  REQUESTER: 'requesterDecision',
  RELEASE: 'releaseDecision',
  ANALYST: 'analystDecision',
} as const satisfies Record<AllocationParty, string>;

export interface DecideArgs {
  id: string;
  version: number;
  decision: DecisionChoice;
  reason?: string | null;
  /** The party to decide for; omitted: every party the viewer is that has not decided yet. */
  as?: AllocationParty | null;
  today: Date;
}

/**
 * A party's decision on a confirmed proposal. When every required party has accepted it becomes ACCEPTED
 * (ACTIVE at once if its start week has begun); one decline makes it DECLINED, frees the analyst's time and
 * offers the request's next best candidate as a new unconfirmed proposal.
 */
export async function decideAllocation(
  prisma: PrismaClient,
  viewer: Viewer,
  args: DecideArgs,
): Promise<{ id: string; replacementId: string | null }> {
  return prisma.$transaction(async (tx) => {
    const before = await findAllocation(tx, viewer, args.id);
    const mine = allocationPartiesOf(viewer, before);
    if (mine.length === 0 || (args.as && !mine.includes(args.as))) {
      throw new ForbiddenError('Only the requesting organisation’s lead, the analyst’s home organisation lead and the analyst decide on an allocation.');
    }
    if (before.version !== args.version) throw new StaleVersionError('Allocation');
    if (before.status !== 'PROPOSED' || !before.confirmedAt) {
      throw new InvalidTransitionError(
        before.status === 'PROPOSED'
          ? 'The workforce lead has not confirmed this proposal yet.'
          : `The allocation is ${before.status.toLowerCase()}; there is nothing to decide.`,
      );
    }
    const parties = (args.as ? [args.as] : mine).filter((party) => before[DECISION_FIELD[party]] === 'PENDING');
    if (parties.length === 0) {
      const notAsked = (args.as ? [args.as] : mine).every((party) => before[DECISION_FIELD[party]] === 'NOT_REQUIRED');
      throw new InvalidTransitionError(notAsked ? 'Your decision is not needed on this allocation.' : 'You have already decided on this allocation.');
    }

    const decision: Decision = args.decision === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED';
    const decisions = Object.fromEntries(parties.map((party) => [DECISION_FIELD[party], decision]));
    const merged = { ...before, ...decisions };
    const settled = (value: Decision) => value === 'ACCEPTED' || value === 'NOT_REQUIRED';
    const allAccepted = settled(merged.requesterDecision) && settled(merged.releaseDecision) && settled(merged.analystDecision);
    const started = before.startWeek <= mondayOf(args.today);
    const data: Prisma.AllocationUncheckedUpdateManyInput = {
      ...decisions,
      ...(decision === 'DECLINED'
        ? { status: 'DECLINED', declineReason: args.reason?.trim() || null }
        : allAccepted
          ? { status: started ? 'ACTIVE' : 'ACCEPTED' }
          : {}),
    };
    const after = await changeAllocation(tx, before, {
      version: args.version,
      action: decision === 'DECLINED' ? 'allocation.decline' : allAccepted ? 'allocation.accept' : 'allocation.decide',
      actorId: viewer.userId,
      data,
    });
    if (after.status === 'DECLINED') await endMentoredPlacements(tx, after.id, viewer.userId);
    await syncRequestStatus(tx, before.requestId, viewer.userId);
    const replacement = after.status === 'DECLINED' ? await offerReplacement(tx, after, viewer, args.today) : null;
    return { id: after.id, replacementId: replacement?.id ?? null };
  });
}
