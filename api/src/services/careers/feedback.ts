import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationFailedError, type FieldIssue } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { MAX_LEVEL, MIN_LEVEL } from './profile-rules.ts';

export const MAX_COMMENT_LENGTH = 1000;

export interface FeedbackInput {
  allocationId: string;
  /** 1 (poor) to 5 (excellent). */
  rating: number;
  comment: string;
  /** A level of one of the request's skills that the work showed; evidenced from `today`. */
  evidence?: { skillId: string; level: number } | null;
}

/** The lead of the organisation that asked for the work. */
function isRequestingLead(viewer: Viewer, requestingOrganisationId: string): boolean {
  return viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId === requestingOrganisationId;
}

/**
 * The requesting organisation's lead rates a completed allocation once and may confirm a skill level it
 * evidenced: the analyst's level rises to it (never falls), is marked evidenced, and the skill history
 * records the change. Feedback, evidence, the analyst's version bump and the audit event are one transaction.
 */
export async function giveFeedback(prisma: PrismaClient, viewer: Viewer, input: FeedbackInput, today: Date): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { id: input.allocationId, icsId: viewer.icsId },
      select: {
        id: true,
        status: true,
        analystId: true,
        feedback: { select: { id: true } },
        request: { select: { project: { select: { organisationId: true } }, skills: { select: { skillId: true } } } },
      },
    });
    if (!allocation) throw new NotFoundError('Allocation');
    if (!isRequestingLead(viewer, allocation.request.project.organisationId)) {
      throw new ForbiddenError('Only the lead of the organisation that asked for the work gives feedback on it.');
    }
    if (allocation.status !== 'COMPLETED') throw new InvalidTransitionError('Feedback is given once the allocation has completed.');
    if (allocation.feedback) throw new InvalidTransitionError('Feedback on this allocation has already been given.');

    const issues: FieldIssue[] = [];
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) issues.push({ path: ['input', 'rating'], message: 'Rate from 1 to 5.' });
    if (input.comment.length > MAX_COMMENT_LENGTH) {
      issues.push({ path: ['input', 'comment'], message: `Keep the comment to ${MAX_COMMENT_LENGTH} characters.` });
    }
    const evidence = input.evidence ?? null;
    if (evidence) {
      if (!allocation.request.skills.some((skill) => skill.skillId === evidence.skillId)) {
        issues.push({ path: ['input', 'evidence', 'skillId'], message: 'Evidence a skill the request asked for.' });
      }
      if (!Number.isInteger(evidence.level) || evidence.level < MIN_LEVEL || evidence.level > MAX_LEVEL) {
        issues.push({ path: ['input', 'evidence', 'level'], message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}.` });
      }
    }
    if (issues.length > 0) throw new ValidationFailedError(issues);

    const { icsId } = viewer;
    const { analystId } = allocation;
    const feedback = await tx.feedback.create({
      data: { icsId, allocationId: allocation.id, authorId: viewer.userId, rating: input.rating, comment: input.comment.trim() },
      select: { id: true },
    });
    let evidenced: { skillId: string; fromLevel: number | null; toLevel: number } | null = null;
    if (evidence) {
      const held = await tx.analystSkill.findUnique({ where: { analystId_skillId: { analystId, skillId: evidence.skillId } } });
      const fromLevel = held?.level ?? null;
      const level = Math.max(fromLevel ?? 0, evidence.level);
      const evidencedLevel = Math.max(held?.evidencedLevel ?? 0, evidence.level);
      await tx.analystSkill.upsert({
        where: { analystId_skillId: { analystId, skillId: evidence.skillId } },
        create: { icsId, analystId, skillId: evidence.skillId, level, evidencedLevel, lastEvidencedAt: today },
        update: { level, evidencedLevel, lastEvidencedAt: today },
      });
      await tx.skillEvidence.create({
        data: { icsId, analystId, skillId: evidence.skillId, fromLevel, toLevel: evidence.level, feedbackId: feedback.id, evidencedById: viewer.userId },
      });
      // Someone editing the analyst's skills meanwhile must reload rather than overwrite the evidence.
      await tx.analyst.update({ where: { id: analystId }, data: { version: { increment: 1 } } });
      evidenced = { skillId: evidence.skillId, fromLevel, toLevel: evidence.level };
    }
    await recordAudit(tx, {
      icsId,
      actorId: viewer.userId,
      action: 'feedback.give',
      entityType: 'Allocation',
      entityId: allocation.id,
      after: { feedbackId: feedback.id, rating: input.rating, comment: input.comment.trim(), evidence: evidenced },
    });
    return feedback;
  });
}

export interface FeedbackDue {
  allocationId: string;
  analystName: string;
  requestTitle: string;
  projectTitle: string;
  startWeek: Date;
  endWeek: Date;
  skills: { skillId: string; skillName: string }[];
}

/** Completed allocations on the lead's own organisation's requests that still await their feedback, newest first. */
export async function feedbackDueFor(prisma: PrismaClient, viewer: Viewer): Promise<FeedbackDue[]> {
  if (viewer.role !== 'ORGANISATION_LEAD' || !viewer.organisationId) return [];
  const allocations = await prisma.allocation.findMany({
    where: { icsId: viewer.icsId, status: 'COMPLETED', feedback: null, request: { project: { organisationId: viewer.organisationId } } },
    orderBy: [{ endWeek: 'desc' }, { id: 'asc' }],
    take: 100,
    select: {
      id: true,
      startWeek: true,
      endWeek: true,
      analyst: { select: { name: true } },
      request: {
        select: { title: true, project: { select: { title: true } }, skills: { select: { skill: { select: { id: true, name: true } } }, orderBy: { skill: { name: 'asc' } } } },
      },
    },
  });
  return allocations.map((allocation) => ({
    allocationId: allocation.id,
    analystName: allocation.analyst.name,
    requestTitle: allocation.request.title,
    projectTitle: allocation.request.project.title,
    startWeek: allocation.startWeek,
    endWeek: allocation.endWeek,
    skills: allocation.request.skills.map(({ skill }) => ({ skillId: skill.id, skillName: skill.name })),
  }));
}
