import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { OrganisationKind, WorkPreference } from '../generated/prisma/enums.ts';
import { canManageAnalyst } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError, type FieldIssue } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { assertHeldBookingsFit, lockAnalysts } from './allocations/capacity-guard.ts';
import {
  aspirationIssues,
  availabilityIssues,
  skillIssues,
  type AspirationChange,
  type AvailabilityChange,
  type SkillLevelChange,
} from './careers/profile-rules.ts';

/**
 * Omitted (or null) fields stay as they are, except `targetRoleId: null`, which clears the target role.
 * `skills`, `aspirations` and `availability`, when given, replace the whole list.
 */
export interface AnalystProfileChanges {
  jobTitle?: string | null;
  workPreference?: WorkPreference | null;
  sectorsOfInterest?: OrganisationKind[] | null;
  targetRoleId?: string | null;
  skills?: SkillLevelChange[] | null;
  aspirations?: AspirationChange[] | null;
  availability?: AvailabilityChange[] | null;
}

const profileFields = {
  id: true,
  organisationId: true,
  jobTitle: true,
  workPreference: true,
  sectorsOfInterest: true,
  targetRoleProfileId: true,
  version: true,
  skills: { select: { skillId: true, level: true, evidencedLevel: true }, orderBy: { skillId: 'asc' } },
  aspirations: { select: { skillId: true, targetLevel: true }, orderBy: { skillId: 'asc' } },
  availabilities: { select: { startWeek: true, endWeek: true, availableFraction: true }, orderBy: { startWeek: 'asc' } },
} as const satisfies Prisma.AnalystSelect;

type Profile = Prisma.AnalystGetPayload<{ select: typeof profileFields }>;

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
    await validateChanges(tx, viewer.icsId, before, changes);
    // Leave must not leave agreed allocations without the time they hold: checked under the lock confirming takes.
    if (changes.availability) await lockAnalysts(tx, [analystId]);

    // The version in the filter makes a concurrent change between our read and this write a conflict.
    await tx.analyst
      .update({
        where: { id: analystId, version },
        data: {
          jobTitle: changes.jobTitle ?? undefined,
          workPreference: changes.workPreference ?? undefined,
          sectorsOfInterest: changes.sectorsOfInterest ?? undefined,
          targetRoleProfileId: changes.targetRoleId,
          version: { increment: 1 },
        },
        select: { id: true },
      })
      .catch((error: unknown) => {
        throw isRecordNotFound(error) ? new StaleVersionError('Analyst') : error;
      });
    await replaceLists(tx, viewer.icsId, analystId, changes);
    if (changes.availability) await assertHeldBookingsFit(tx, analystId);
    const after = await tx.analyst.findUniqueOrThrow({ where: { id: analystId }, select: profileFields });
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: 'analyst.profile.update',
      entityType: 'Analyst',
      entityId: analystId,
      before: auditable(before),
      after: auditable(after),
    });
    return { id: analystId };
  });
}

async function validateChanges(tx: Prisma.TransactionClient, icsId: string, before: Profile, changes: AnalystProfileChanges) {
  const issues: FieldIssue[] = [];
  if (changes.targetRoleId) {
    const roleProfile = await tx.roleProfile.findFirst({ where: { id: changes.targetRoleId, icsId }, select: { id: true } });
    if (!roleProfile) issues.push({ path: ['input', 'targetRoleId'], message: 'No such role profile.' });
  }
  const skills = changes.skills ?? null;
  const aspirations = changes.aspirations ?? null;
  if (skills) issues.push(...skillIssues(before.skills, skills, ['input', 'skills']));
  if (aspirations) {
    const levels = new Map((skills ?? before.skills).map((skill) => [skill.skillId, skill.level]));
    issues.push(...aspirationIssues(levels, aspirations, ['input', 'aspirations']));
  }
  if (changes.availability) issues.push(...availabilityIssues(changes.availability, ['input', 'availability']));
  issues.push(...(await unknownSkillIssues(tx, icsId, { skills: skills ?? [], aspirations: aspirations ?? [] })));
  if (issues.length > 0) throw new ValidationFailedError(issues);
}

async function unknownSkillIssues(
  tx: Prisma.TransactionClient,
  icsId: string,
  lists: Record<'skills' | 'aspirations', readonly { skillId: string }[]>,
): Promise<FieldIssue[]> {
  const ids = [...new Set([...lists.skills, ...lists.aspirations].map((item) => item.skillId))];
  if (ids.length === 0) return [];
  const known = new Set((await tx.skill.findMany({ where: { icsId, id: { in: ids } }, select: { id: true } })).map(({ id }) => id));
  return (['skills', 'aspirations'] as const).flatMap((list) =>
    lists[list].flatMap((item, index) =>
      known.has(item.skillId) ? [] : [{ path: ['input', list, index, 'skillId'], message: 'No such skill in your ICS.' }],
    ),
  );
}

async function replaceLists(tx: Prisma.TransactionClient, icsId: string, analystId: string, changes: AnalystProfileChanges) {
  if (changes.skills) {
    const skills = changes.skills;
    await tx.analystSkill.deleteMany({ where: { analystId, skillId: { notIn: skills.map((skill) => skill.skillId) } } });
    const held = await tx.analystSkill.findMany({ where: { analystId }, select: { skillId: true, level: true } });
    const current = new Map(held.map((skill) => [skill.skillId, skill.level]));
    await tx.analystSkill.createMany({
      data: skills.filter((skill) => !current.has(skill.skillId)).map((skill) => ({ icsId, analystId, ...skill })),
    });
    for (const skill of skills.filter((skill) => current.has(skill.skillId) && current.get(skill.skillId) !== skill.level)) {
      await tx.analystSkill.update({ where: { analystId_skillId: { analystId, skillId: skill.skillId } }, data: { level: skill.level } });
    }
  }
  if (changes.aspirations) {
    await tx.aspiration.deleteMany({ where: { analystId } });
    await tx.aspiration.createMany({ data: changes.aspirations.map((aspiration) => ({ icsId, analystId, ...aspiration })) });
  }
  if (changes.availability) {
    await tx.availability.deleteMany({ where: { analystId } });
    await tx.availability.createMany({ data: changes.availability.map((period) => ({ icsId, analystId, ...period })) });
  }
}

function auditable(profile: Profile): Prisma.InputJsonValue {
  return {
    ...profile,
    availabilities: profile.availabilities.map((period) => ({
      startWeek: period.startWeek.toISOString().slice(0, 10),
      endWeek: period.endWeek.toISOString().slice(0, 10),
      availableFraction: period.availableFraction.toNumber(),
    })),
  };
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}
