import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { OrganisationKind, WorkPreference } from '../generated/prisma/enums.ts';
import { canManageAnalyst } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '../errors.ts';
import { recordAudit } from './audit.ts';

/** Omitted (or null) fields stay as they are, except `targetRoleId: null`, which clears the target role. */
export interface AnalystProfileChanges {
  jobTitle?: string | null;
  workPreference?: WorkPreference | null;
  sectorsOfInterest?: OrganisationKind[] | null;
  targetRoleId?: string | null;
}

const profileFields = {
  id: true,
  organisationId: true,
  jobTitle: true,
  workPreference: true,
  sectorsOfInterest: true,
  targetRoleProfileId: true,
  version: true,
} as const;

/**
 * Updates the self-maintained part of an analyst's record (optimistic concurrency on `version`),
 * allowed to the analyst, their home organisation's lead and workforce leads.
 */
export async function updateAnalystProfile(
  prisma: PrismaClient,
  viewer: Viewer,
  { analystId, version, changes }: { analystId: string; version: number; changes: AnalystProfileChanges },
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.analyst.findFirst({ where: { id: analystId, icsId: viewer.icsId }, select: profileFields });
    if (!before) throw new NotFoundError('Analyst');
    if (!canManageAnalyst(viewer, before)) throw new ForbiddenError('You may only change your own profile or your analysts’ profiles.');
    if (before.version !== version) throw new StaleVersionError('Analyst');
    if (changes.targetRoleId) {
      const roleProfile = await tx.roleProfile.findFirst({
        where: { id: changes.targetRoleId, icsId: viewer.icsId },
        select: { id: true },
      });
      if (!roleProfile) {
        throw new ValidationFailedError([{ path: ['input', 'targetRoleId'], message: 'No such role profile.' }]);
      }
    }

    // The version in the filter makes a concurrent change between our read and this write a conflict.
    const after = await tx.analyst
      .update({
        where: { id: analystId, version },
        data: {
          jobTitle: changes.jobTitle ?? undefined,
          workPreference: changes.workPreference ?? undefined,
          sectorsOfInterest: changes.sectorsOfInterest ?? undefined,
          targetRoleProfileId: changes.targetRoleId,
          version: { increment: 1 },
        },
        select: profileFields,
      })
      .catch((error: unknown) => {
        throw isRecordNotFound(error) ? new StaleVersionError('Analyst') : error;
      });
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'analyst.profile.update',
      entityType: 'Analyst',
      entityId: analystId,
      before,
      after,
    });
    return { id: analystId };
  });
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}
