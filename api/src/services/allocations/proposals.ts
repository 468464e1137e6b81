import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { AllocationKind } from '../../generated/prisma/enums.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { toTenths } from '../../domain/capacity.ts';
import {
  AnalystOverCapacityError,
  ForbiddenError,
  InvalidTransitionError,
  SkillRequirementNotMetError,
  StaleVersionError,
  ValidationFailedError,
} from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { bookingOf, lockAnalysts } from './capacity-guard.ts';
import { assertRequestCover, lockRequests } from './request-cover.ts';
import { assessPlacement, type Placement, type PlacementAssessment } from './placement.ts';
import { allocationFields, changeAllocation, findAllocation, snapshot } from './records.ts';

export interface ProposalChanges {
  analystId?: string | null;
  fte?: number | null;
  startWeek?: Date | null;
  endWeek?: Date | null;
  kind?: AllocationKind | null;
  mentorAllocationId?: string | null;
}

function requireWorkforceLead(viewer: Viewer): void {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only a workforce lead proposes and confirms allocations.');
}

/** Turns an assessment into the first error it holds: bad input, then skills, then capacity. */
function rejectUnfit(assessment: PlacementAssessment): void {
  if (assessment.issues.length > 0) throw new ValidationFailedError(assessment.issues);
  if (assessment.skillProblems.length > 0) throw new SkillRequirementNotMetError(assessment.analyst.name, assessment.skillProblems);
  if (assessment.shortfalls.length > 0) throw new AnalystOverCapacityError([{ analyst: assessment.analyst.name, weeks: assessment.shortfalls }]);
}

/**
 * A workforce lead's proposal by hand: an unconfirmed PROPOSED allocation, holding no capacity yet. It must
 * meet the request's skills (or the development rule) and fit the analyst's remaining time as it stands.
 */
export async function proposeAllocation(prisma: PrismaClient, viewer: Viewer, placement: Placement, today: Date): Promise<{ id: string }> {
  requireWorkforceLead(viewer);
  return prisma.$transaction(async (tx) => {
    const assessment = await assessPlacement(tx, placement, { icsId: viewer.icsId, today, checkStartNotPast: true });
    rejectUnfit(assessment);
    const ics = await tx.ics.findUniqueOrThrow({ where: { id: viewer.icsId }, select: { requireReleaseApproval: true } });
    const created = await tx.allocation.create({
      data: {
        icsId: viewer.icsId,
        analystId: placement.analystId,
        requestId: placement.requestId,
        fte: toTenths(placement.fte) / 10,
        startWeek: placement.startWeek,
        endWeek: placement.endWeek,
        kind: assessment.kind,
        mentorAllocationId: assessment.mentorAllocationId,
        releaseDecision: ics.requireReleaseApproval ? 'PENDING' : 'NOT_REQUIRED',
      },
      select: allocationFields,
    });
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'allocation.propose',
      entityType: 'Allocation',
      entityId: created.id,
      after: snapshot(created),
    });
    return { id: created.id };
  });
}

/**
 * Edits a proposal that no party has decided on yet: another analyst, FTE or weeks. A confirmed proposal
 * keeps holding capacity, so its new form is checked under the analyst's row lock.
 */
export async function updateProposal(
  prisma: PrismaClient,
  viewer: Viewer,
  { id, version, changes, today }: { id: string; version: number; changes: ProposalChanges; today: Date },
): Promise<{ id: string }> {
  requireWorkforceLead(viewer);
  return prisma.$transaction(async (tx) => {
    const before = await findAllocation(tx, viewer, id);
    if (before.version !== version) throw new StaleVersionError('Allocation');
    const decided = [before.requesterDecision, before.releaseDecision, before.analystDecision].some(
      (decision) => decision === 'ACCEPTED' || decision === 'DECLINED',
    );
    if (before.status !== 'PROPOSED' || decided) {
      throw new InvalidTransitionError('Only a proposal no one has decided on yet can be edited.');
    }
    const placement: Placement = {
      analystId: changes.analystId ?? before.analystId,
      requestId: before.requestId,
      fte: changes.fte ?? before.fte.toNumber(),
      startWeek: changes.startWeek ?? before.startWeek,
      endWeek: changes.endWeek ?? before.endWeek,
      kind: changes.kind ?? (changes.analystId && changes.analystId !== before.analystId ? null : before.kind),
      mentorAllocationId: changes.mentorAllocationId ?? before.mentorAllocationId,
    };
    if (before.confirmedAt) {
      // A confirmed proposal holds time, so its change must still fit the request and the analyst: lock both
      // (request first, as confirming does) before checking.
      await lockRequests(tx, [before.requestId]);
      await lockAnalysts(tx, [placement.analystId]);
    }
    const assessment = await assessPlacement(tx, placement, {
      icsId: viewer.icsId,
      today,
      allocationId: id,
      checkStartNotPast: changes.startWeek != null && changes.startWeek.getTime() !== before.startWeek.getTime(),
    });
    rejectUnfit(assessment);
    if (before.confirmedAt) await assertRequestCover(tx, [{ requestId: before.requestId, ...bookingOf(placement) }], [id]);
    await changeAllocation(tx, before, {
      version,
      action: 'allocation.proposal.update',
      actorId: viewer.userId,
      data: {
        analystId: placement.analystId,
        fte: toTenths(placement.fte) / 10,
        startWeek: placement.startWeek,
        endWeek: placement.endWeek,
        kind: assessment.kind,
        mentorAllocationId: assessment.mentorAllocationId,
      },
    });
    return { id };
  });
}
