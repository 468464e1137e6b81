import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { AllocationKind, AllocationStatus } from '../../generated/prisma/enums.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import {
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  SkillRequirementNotMetError,
  ValidationFailedError,
} from '../../errors.ts';
import { assertCapacity, bookingOf, lockAnalysts, type CapacityHolder, type NewBooking } from './capacity-guard.ts';
import { assertRequestCover, lockRequests } from './request-cover.ts';
import { allocationFields, changeAllocations, LIVE_STATUSES } from './records.ts';
import { kindProblems, skillVerdict, type SkilledAnalyst, type SkillRequiringRequest } from './skill-rule.ts';

type SkilledProposal = {
  kind: AllocationKind;
  mentor: { status: AllocationStatus } | null;
  analyst: SkilledAnalyst;
  request: SkillRequiringRequest;
};

export type ConfirmTarget = { ids: string[] } | { runId: string };

/**
 * The workforce lead confirms proposals, by id or every unconfirmed one of a matching run: from now on they
 * hold the analysts' time and await the parties' decisions. All or nothing: if one no longer fits an
 * analyst's capacity (checked under the analyst's row lock), the request's skills, or what the request asks
 * for (under the request's row lock), none is confirmed.
 * A run none of whose proposals is left unconfirmed becomes CONFIRMED.
 */
export async function confirmAllocations(
  prisma: PrismaClient,
  viewer: Viewer,
  target: ConfirmTarget,
  now: Date,
): Promise<{ ids: string[] }> {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only a workforce lead confirms allocations.');
  if ('ids' in target && target.ids.length === 0) {
    throw new ValidationFailedError([{ path: ['input', 'ids'], message: 'Choose at least one proposal to confirm.' }]);
  }
  return prisma.$transaction(async (tx) => {
    const where =
      'ids' in target
        ? { icsId: viewer.icsId, id: { in: [...new Set(target.ids)] } }
        : { icsId: viewer.icsId, runId: target.runId, status: 'PROPOSED' as const, confirmedAt: null };
    if ('runId' in target) {
      const run = await tx.matchingRun.findFirst({ where: { id: target.runId, icsId: viewer.icsId }, select: { status: true } });
      if (!run) throw new NotFoundError('Matching run');
      if (run.status !== 'SUCCEEDED') throw new InvalidTransitionError(`The run is ${run.status.toLowerCase()}; only a succeeded run's proposals can be confirmed.`);
    }
    const proposals = await tx.allocation.findMany({
      where,
      select: {
        ...allocationFields,
        analyst: {
          select: {
            id: true,
            name: true,
            status: true,
            organisationId: true,
            skills: { select: { skillId: true, level: true } },
            aspirations: { select: { skillId: true, targetLevel: true } },
          },
        },
        request: {
          select: {
            id: true,
            title: true,
            fte: true,
            projectId: true,
            openToDevelopment: true,
            project: { select: { organisationId: true } },
            skills: { where: { kind: 'REQUIRED' }, select: { skillId: true, minLevel: true, skill: { select: { name: true } } } },
          },
        },
        mentor: { select: { status: true } },
      },
      orderBy: { id: 'asc' },
    });
    if ('ids' in target && proposals.length !== new Set(target.ids).size) throw new NotFoundError('Allocation');
    for (const proposal of proposals) {
      if (proposal.status !== 'PROPOSED' || proposal.confirmedAt) {
        throw new InvalidTransitionError(`Only unconfirmed proposals can be confirmed; one is ${proposal.confirmedAt ? 'confirmed' : proposal.status.toLowerCase()} already.`);
      }
      // A matching run that read the pool before an analyst's leaving was recorded may still propose them.
      if (proposal.analyst.status === 'LEFT') throw new InvalidTransitionError(`${proposal.analyst.name} has left the pool; withdraw this proposal.`);
      const problems = skillProblemsAtConfirm(proposal);
      if (problems.length > 0) throw new SkillRequirementNotMetError(proposal.analyst.name, problems);
    }

    // Requests' rows before analysts' everywhere, so transactions never wait on each other in a cycle.
    await lockRequests(tx, proposals.map((proposal) => proposal.requestId));
    await lockAnalysts(tx, proposals.map((proposal) => proposal.analystId));
    const byAnalyst = new Map<string, { analyst: CapacityHolder; bookings: NewBooking[] }>();
    for (const proposal of proposals) {
      const own = byAnalyst.get(proposal.analystId);
      if (own) own.bookings.push(bookingOf(proposal));
      else byAnalyst.set(proposal.analystId, { analyst: proposal.analyst, bookings: [bookingOf(proposal)] });
    }
    await assertCapacity(tx, [...byAnalyst.values()]);
    await assertRequestCover(tx, proposals.map((proposal) => ({ requestId: proposal.requestId, ...bookingOf(proposal) })));

    const ics = await tx.ics.findUniqueOrThrow({ where: { id: viewer.icsId }, select: { requireReleaseApproval: true } });
    await changeAllocations(
      tx,
      proposals.map((proposal) => ({ before: proposal, version: proposal.version })),
      {
        action: 'allocation.confirm',
        actorId: viewer.userId,
        // Without release approval the home organisation's decision is not needed; with it, it stays as it is.
        data: ics.requireReleaseApproval ? { confirmedAt: now } : { confirmedAt: now, releaseDecision: 'NOT_REQUIRED' },
      },
    );
    const runIds = 'runId' in target ? [target.runId] : proposals.flatMap((proposal) => (proposal.runId ? [proposal.runId] : []));
    await markConfirmedRuns(tx, viewer, [...new Set(runIds)], now);
    return { ids: proposals.map((proposal) => proposal.id) };
  });
}

/** Skills may have changed since the proposal was made; a development placement also needs its mentor still on. */
function skillProblemsAtConfirm(proposal: SkilledProposal): string[] {
  const problems = kindProblems(skillVerdict(proposal.analyst, proposal.request), proposal.kind);
  if (problems.length === 0 && proposal.kind === 'DEVELOPMENT' && !(proposal.mentor && LIVE_STATUSES.includes(proposal.mentor.status))) {
    return ['the development placement has no mentor on the request any more'];
  }
  return problems;
}

/** The runs none of whose proposals is left unconfirmed become CONFIRMED, each audited. */
async function markConfirmedRuns(tx: Prisma.TransactionClient, viewer: Viewer, runIds: string[], now: Date) {
  if (runIds.length === 0) return;
  const done = await tx.matchingRun.findMany({
    where: { id: { in: runIds }, status: 'SUCCEEDED', allocations: { none: { status: 'PROPOSED', confirmedAt: null } } },
    select: { id: true },
  });
  if (done.length === 0) return;
  await tx.matchingRun.updateMany({ where: { id: { in: done.map((run) => run.id) } }, data: { status: 'CONFIRMED', confirmedAt: now } });
  await tx.auditEvent.createMany({
    data: done.map((run) => ({
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'matchingRun.confirm',
      entityType: 'MatchingRun',
      entityId: run.id,
      before: { status: 'SUCCEEDED' },
      after: { status: 'CONFIRMED', confirmedAt: now.toISOString() },
    })),
  });
}
