import { createHash, randomUUID } from 'node:crypto';
import type { MatchingRun, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import { isDatabaseUnavailable, retryWhileDatabaseUnavailable } from '../../db/unavailable.ts';
import type { Viewer } from '../../auth/session.ts';
import { addWeeksTo, type WeekSpan } from '../../domain/weeks.ts';
import { DomainError, ForbiddenError, MatchingInProgressError } from '../../errors.ts';
import type {
  MatchingComparison,
  MatchingInput,
  MatchingResult,
  OrganisationOutcome,
  Proposal,
  RunMetrics,
} from '../../matching/types.ts';
import { recordAudit } from '../audit.ts';
import { loadMatchingInput, policyOf, type MatchingNames, type PolicyOverrides } from './load-input.ts';
import { withNames } from './stored-explanation.ts';
import { validateRunRequest } from './validate-run.ts';

/** A run's metrics as stored: the run-level figures and each organisation's outcome. */
export interface StoredMetrics extends RunMetrics {
  organisations: OrganisationOutcome[];
}

export interface RunMatchingRequest {
  windowStart: Date;
  windowEnd: Date;
  policy?: PolicyOverrides | null;
}

export interface RunMatchingDependencies {
  /** Solves the engine and the baseline for one input, off the event loop. */
  compare: (input: MatchingInput) => Promise<MatchingComparison>;
}

const INTERRUPTED = 'The server stopped before this run finished; run matching again.';

/**
 * Runs the matching engine over one window of the viewer's ICS. The run row is committed as RUNNING
 * before solving; the proposals, metrics and SUCCEEDED status are then written in one transaction, so a
 * failure at any point leaves the run FAILED with its reason and no proposals (when the database itself
 * failed, as soon as it answers again).
 */
export async function runMatching(
  prisma: PrismaClient,
  viewer: Viewer,
  request: RunMatchingRequest,
  now: () => Date,
  dependencies: RunMatchingDependencies,
): Promise<MatchingRun> {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only workforce leads may run matching.');
  const window = validateRunRequest(request, now());

  const run = await startRun(prisma, viewer, window, request.policy ?? {});
  try {
    const { ics, input, names } = await loadMatchingInput(prisma, {
      icsId: viewer.icsId,
      window,
      requests: { open: true },
      overrides: request.policy ?? {},
    });
    const inputDigest = digestOf(input);
    await prisma.matchingRun.update({ where: { id: run.id }, data: { inputDigest } });
    const comparison = await dependencies.compare(input);
    return await prisma.$transaction(async (tx) => {
      // This run re-plans its requests' weeks in the window: earlier runs' proposals there, which nobody
      // has confirmed and which hold no time, give way to its own.
      const removed = await tx.allocation.deleteMany({
        where: {
          icsId: viewer.icsId,
          runId: { not: null },
          status: 'PROPOSED',
          confirmedAt: null,
          requestId: { in: input.requests.map((openRequest) => openRequest.id) },
          startWeek: { lte: window.endWeek },
          endWeek: { gte: window.startWeek },
        },
      });
      const rows = proposalRows(comparison.engine.proposals, {
        icsId: viewer.icsId,
        runId: run.id,
        window,
        releaseDecision: ics.requireReleaseApproval ? 'PENDING' : 'NOT_REQUIRED',
        names,
      });
      await tx.allocation.createMany({ data: rows });
      const finished = await tx.matchingRun.update({
        where: { id: run.id },
        data: {
          status: 'SUCCEEDED',
          finishedAt: now(),
          solverStats: json(comparison.engine.solver),
          metrics: json(storedMetrics(comparison.engine)),
          baselineMetrics: json(storedMetrics(comparison.baseline)),
        },
      });
      await recordAudit(tx, {
        icsId: viewer.icsId,
        actorId: viewer.userId,
        action: 'matching.run',
        entityType: 'MatchingRun',
        entityId: run.id,
        after: {
          windowStart: finished.windowStart.toISOString(),
          windowEnd: finished.windowEnd.toISOString(),
          inputDigest,
          proposals: rows.length,
          supersededProposals: removed.count,
          fulfilment: comparison.engine.metrics.fulfilment,
          minSatisfaction: comparison.engine.metrics.minSatisfaction,
        },
      });
      return finished;
    });
  } catch (error) {
    const markFailed = () =>
      prisma.matchingRun.update({ where: { id: run.id }, data: { status: 'FAILED', finishedAt: now(), error: readableError(error) } });
    try {
      return await markFailed();
    } catch (markError) {
      // Left RUNNING, the run would refuse every later run until the server restarts.
      if (isDatabaseUnavailable(markError)) retryWhileDatabaseUnavailable(markFailed);
      throw markError;
    }
  }
}

/** Marks runs a crashed or stopped process left RUNNING as FAILED; call it once at start-up. */
export async function failInterruptedRuns(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.matchingRun.updateMany({
    where: { status: 'RUNNING' },
    data: { status: 'FAILED', finishedAt: now, error: INTERRUPTED },
  });
  return count;
}

/** Commits the RUNNING row; a lock per ICS keeps two runs from overlapping. */
async function startRun(prisma: PrismaClient, viewer: Viewer, window: WeekSpan, overrides: PolicyOverrides): Promise<MatchingRun> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`matching:${viewer.icsId}`}))`;
    const running = await tx.matchingRun.count({ where: { icsId: viewer.icsId, status: 'RUNNING' } });
    if (running > 0) throw new MatchingInProgressError();
    const ics = await tx.ics.findUniqueOrThrow({ where: { id: viewer.icsId } });
    return tx.matchingRun.create({
      data: {
        icsId: viewer.icsId,
        windowStart: window.startWeek,
        windowEnd: window.endWeek,
        policy: json(policyOf(ics, overrides)),
        createdById: viewer.userId,
      },
    });
  });
}

interface ProposalContext {
  icsId: string;
  runId: string;
  window: WeekSpan;
  releaseDecision: 'PENDING' | 'NOT_REQUIRED';
  names: MatchingNames;
}

/** Allocation rows for the engine's proposals; a development placement points at its mentor's row. */
function proposalRows(proposals: Proposal[], context: ProposalContext): Prisma.AllocationCreateManyInput[] {
  const ids = proposals.map(() => randomUUID());
  const rowIdOf = new Map(proposals.map((proposal, index) => [`${proposal.requestId}:${proposal.analystId}`, ids[index]!]));
  return proposals.map((proposal, index) => ({
    id: ids[index],
    icsId: context.icsId,
    runId: context.runId,
    analystId: proposal.analystId,
    requestId: proposal.requestId,
    fte: proposal.fte / 10,
    startWeek: addWeeksTo(context.window.startWeek, proposal.startWeek),
    endWeek: addWeeksTo(context.window.startWeek, proposal.endWeek),
    kind: proposal.kind,
    status: 'PROPOSED',
    releaseDecision: context.releaseDecision,
    explanation: json(withNames(proposal.explanation, context.names)),
    mentorAllocationId: proposal.mentorAnalystId ? rowIdOf.get(`${proposal.requestId}:${proposal.mentorAnalystId}`) ?? null : null,
  }));
}

function storedMetrics(result: MatchingResult): StoredMetrics {
  return { ...result.metrics, organisations: result.organisations };
}

/** SHA-256 of the input: equal digests mean the engine saw exactly the same data. */
export function digestOf(input: MatchingInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

function readableError(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (isDatabaseUnavailable(error)) return 'The database became unavailable during this run; run matching again.';
  const reason = error instanceof Error ? error.message : String(error);
  return `The matching engine could not finish this run: ${reason}`;
}

function json(value: object): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
