import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { mondayOf } from '../../domain/weeks.ts';
import { rankCandidates } from '../matching/candidates.ts';
import { recordAudit } from '../audit.ts';
import { assessPlacement } from './placement.ts';
import { allocationFields, snapshot, type AllocationRecord } from './records.ts';

/** How many ranked candidates to try before giving up on a replacement. */
const CANDIDATES_TRIED = 10;

/**
 * After a decline: the request's best-ranked candidate not yet asked (the matching service's ranking), who
 * fits the remaining weeks' skills and capacity, as a new unconfirmed proposal for the workforce lead to
 * review. Null when there is none. Runs in the decline's transaction, on the pool's behalf.
 */
export async function offerReplacement(
  tx: Prisma.TransactionClient,
  declined: AllocationRecord,
  decider: Viewer,
  today: Date,
): Promise<{ id: string } | null> {
  const startWeek = declined.startWeek < mondayOf(today) ? mondayOf(today) : declined.startWeek;
  if (startWeek > declined.endWeek) return null;
  const pool: Viewer = { ...decider, role: 'WORKFORCE_LEAD', organisationId: null, analystId: null };
  // The ranking only reads, through the same model API a transaction client offers.
  const candidates = await rankCandidates(tx as unknown as PrismaClient, pool, declined.requestId, today);

  for (const candidate of candidates.slice(0, CANDIDATES_TRIED)) {
    const fte = Math.min(declined.fte.toNumber(), candidate.availableFte);
    if (fte <= 0) continue;
    const placement = { analystId: candidate.analystId, requestId: declined.requestId, fte, startWeek, endWeek: declined.endWeek, kind: candidate.kind };
    const assessment = await assessPlacement(tx, placement, { icsId: declined.icsId, today, checkStartNotPast: true });
    if (assessment.issues.length + assessment.skillProblems.length + assessment.shortfalls.length > 0) continue;
    const created = await tx.allocation.create({
      data: {
        icsId: declined.icsId,
        analystId: placement.analystId,
        requestId: placement.requestId,
        fte: placement.fte,
        startWeek: placement.startWeek,
        endWeek: placement.endWeek,
        kind: assessment.kind,
        mentorAllocationId: assessment.mentorAllocationId,
        releaseDecision: declined.releaseDecision === 'NOT_REQUIRED' ? 'NOT_REQUIRED' : 'PENDING',
      },
      select: allocationFields,
    });
    await recordAudit(tx, {
      icsId: declined.icsId,
      actorId: decider.userId,
      action: 'allocation.replacement.propose',
      entityType: 'Allocation',
      entityId: created.id,
      after: { ...snapshot(created), replacementFor: declined.id, rank: candidate.rank, reason: candidate.explanation },
    });
    return { id: created.id };
  }
  return null;
}
