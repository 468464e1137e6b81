import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { AgendaForChangeBand } from '../../generated/prisma/enums.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError, type FieldIssue } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { MAX_LEVEL, MIN_LEVEL } from './profile-rules.ts';

export interface RoleProfileInput {
  name: string;
  band: AgendaForChangeBand;
  description: string;
  requirements: { skillId: string; level: number }[];
}

const snapshot = {
  id: true,
  name: true,
  band: true,
  description: true,
  version: true,
  requirements: { select: { skillId: true, level: true }, orderBy: { skillId: 'asc' } },
} as const satisfies Prisma.RoleProfileSelect;

function requireWorkforceLead(viewer: Viewer): void {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only workforce leads maintain role profiles.');
}

async function validate(tx: Prisma.TransactionClient, icsId: string, input: RoleProfileInput, excludeId: string | null) {
  const issues: FieldIssue[] = [];
  const name = input.name.trim();
  if (!name) issues.push({ path: ['input', 'name'], message: 'Enter a name.' });
  else {
    const clash = await tx.roleProfile.findFirst({ where: { icsId, name, ...(excludeId ? { id: { not: excludeId } } : {}) }, select: { id: true } });
    if (clash) issues.push({ path: ['input', 'name'], message: 'Another role profile has this name.' });
  }
  const ids = input.requirements.map((requirement) => requirement.skillId);
  const known = new Set((await tx.skill.findMany({ where: { icsId, id: { in: ids } }, select: { id: true } })).map(({ id }) => id));
  input.requirements.forEach((requirement, index) => {
    const path = ['input', 'requirements', index];
    if (!known.has(requirement.skillId)) issues.push({ path: [...path, 'skillId'], message: 'No such skill in your ICS.' });
    else if (ids.indexOf(requirement.skillId) !== index) issues.push({ path: [...path, 'skillId'], message: 'This skill is listed twice.' });
    if (!Number.isInteger(requirement.level) || requirement.level < MIN_LEVEL || requirement.level > MAX_LEVEL) {
      issues.push({ path: [...path, 'level'], message: `Choose a level from ${MIN_LEVEL} to ${MAX_LEVEL}.` });
    }
  });
  if (issues.length > 0) throw new ValidationFailedError(issues);
  return name;
}

export async function createRoleProfile(prisma: PrismaClient, viewer: Viewer, input: RoleProfileInput): Promise<{ id: string }> {
  requireWorkforceLead(viewer);
  return prisma.$transaction(async (tx) => {
    const name = await validate(tx, viewer.icsId, input, null);
    const icsId = viewer.icsId;
    const created = await tx.roleProfile.create({
      data: {
        icsId,
        name,
        band: input.band,
        description: input.description.trim(),
        requirements: { create: input.requirements.map((requirement) => ({ icsId, ...requirement })) },
      },
      select: snapshot,
    });
    await recordAudit(tx, { icsId, actorId: viewer.userId, action: 'roleProfile.create', entityType: 'RoleProfile', entityId: created.id, after: created });
    return { id: created.id };
  });
}

/** Replaces name, band, description and every requirement; STALE_VERSION when `version` is not current. */
export async function updateRoleProfile(
  prisma: PrismaClient,
  viewer: Viewer,
  { id, version, input }: { id: string; version: number; input: RoleProfileInput },
): Promise<{ id: string }> {
  requireWorkforceLead(viewer);
  return prisma.$transaction(async (tx) => {
    const icsId = viewer.icsId;
    const before = await tx.roleProfile.findFirst({ where: { id, icsId }, select: snapshot });
    if (!before) throw new NotFoundError('Role profile');
    if (before.version !== version) throw new StaleVersionError('Role profile');
    const name = await validate(tx, icsId, input, id);
    await tx.roleProfile
      .update({
        where: { id, version },
        data: { name, band: input.band, description: input.description.trim(), version: { increment: 1 } },
        select: { id: true },
      })
      .catch((error: unknown) => {
        throw error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025' ? new StaleVersionError('Role profile') : error;
      });
    await tx.roleProfileSkill.deleteMany({ where: { roleProfileId: id } });
    await tx.roleProfileSkill.createMany({ data: input.requirements.map((requirement) => ({ icsId, roleProfileId: id, ...requirement })) });
    const after = await tx.roleProfile.findUniqueOrThrow({ where: { id }, select: snapshot });
    await recordAudit(tx, { icsId, actorId: viewer.userId, action: 'roleProfile.update', entityType: 'RoleProfile', entityId: id, before, after });
    return { id };
  });
}
