import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/session.ts';
import { InvalidTransitionError, StaleVersionError, ValidationFailedError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import {
  assertMayManageProjects,
  isEditableRequest,
  lockProject,
  managedProject,
  managedRequest,
  OPEN_PROJECT_STATUSES,
  OPEN_REQUEST_STATUSES,
  requestAudit,
  requestOnly,
  requestSnapshot,
  type RequestSnapshot,
  uniqueViolationAs,
} from './projects-access.ts';
import { activateProject } from './projects.ts';
import { cancelRequestAndWithdraw } from './requests-cancellation.ts';
import { checkRequestInput, duplicateRequestTitle, windowIssues, type RequestFields, type RequestInput } from './requests-input.ts';

interface Clock {
  now: Date;
}

/** A new DRAFT request in an open project. */
export async function createRequest(
  prisma: PrismaClient,
  viewer: Viewer,
  { projectId, input, now }: { projectId: string; input: RequestInput } & Clock,
): Promise<{ id: string }> {
  assertMayManageProjects(viewer);
  return prisma.$transaction(async (tx) => {
    await lockProject(tx, projectId);
    const project = await managedProject(tx, viewer, projectId);
    if (!OPEN_PROJECT_STATUSES.includes(project.status)) {
      throw new InvalidTransitionError(`This project is ${project.status.toLowerCase()}, so it cannot take new requests.`);
    }
    const { skills, ...fields } = await checked(tx, viewer, input, now, { projectId, titleChanged: true });
    const created = await tx.request
      .create({
        data: {
          ...fields,
          icsId: viewer.icsId,
          projectId,
          skills: { create: skills.map((skill) => ({ ...skill, icsId: viewer.icsId })) },
        },
        select: requestSnapshot,
      })
      .catch(uniqueViolationAs(duplicateRequestTitle));
    await audit(tx, viewer, 'request.create', undefined, created);
    return { id: created.id };
  });
}

/**
 * Replaces every field of a request (its skills too) while it is editable: a DRAFT, or SUBMITTED with no
 * analyst proposed for it yet. A submitted request stays submitted.
 */
export async function updateRequest(
  prisma: PrismaClient,
  viewer: Viewer,
  { id, version, input, now }: { id: string; version: number; input: RequestInput } & Clock,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await managedRequest(tx, viewer, id);
    if (!isEditableRequest(loaded.status, loaded._count.allocations)) {
      throw new InvalidTransitionError(
        loaded._count.allocations > 0
          ? 'Analysts have already been proposed for this request, so it can no longer be changed. Cancel it and make a new request instead.'
          : `This request is ${loaded.status.toLowerCase().replace('_', ' ')}, so it can no longer be changed.`,
      );
    }
    if (loaded.version !== version) throw new StaleVersionError('Request');
    const before = requestOnly(loaded);
    const { skills, ...fields } = await checked(tx, viewer, input, now, {
      projectId: loaded.projectId,
      titleChanged: input.title.trim() !== before.title,
    });

    await bumpVersion(tx, before, fields);
    await tx.requestSkill.deleteMany({ where: { requestId: id } });
    await tx.requestSkill.createMany({ data: skills.map((skill) => ({ ...skill, icsId: viewer.icsId, requestId: id })) });
    const after = await tx.request.findUniqueOrThrow({ where: { id }, select: requestSnapshot });
    await audit(tx, viewer, 'request.update', before, after);
    return { id };
  });
}

/** DRAFT → SUBMITTED: the request joins the pool's demand; a DRAFT project becomes ACTIVE with it. */
export async function submitRequest(
  prisma: PrismaClient,
  viewer: Viewer,
  { id, version, now }: { id: string; version: number } & Clock,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await managedRequest(tx, viewer, id);
    if (loaded.status !== 'DRAFT') throw new InvalidTransitionError('Only a draft request can be submitted; this one has been submitted already.');
    if (!OPEN_PROJECT_STATUSES.includes(loaded.project.status)) {
      throw new InvalidTransitionError(`This request's project is ${loaded.project.status.toLowerCase()}, so the request cannot be submitted.`);
    }
    if (loaded.version !== version) throw new StaleVersionError('Request');
    // The weeks were checked when they were entered, but a draft can wait until they have passed.
    const issues = windowIssues([], loaded, now);
    if (issues.length > 0) throw new ValidationFailedError(issues);

    const before = requestOnly(loaded);
    await bumpVersion(tx, before, { status: 'SUBMITTED', submittedAt: now });
    const after = await tx.request.findUniqueOrThrow({ where: { id }, select: requestSnapshot });
    await audit(tx, viewer, 'request.submit', before, after);
    await activateProject(tx, viewer, loaded.project);
    return { id };
  });
}

/** Cancels an open request; allocations on it that are not final are withdrawn, freeing the analysts' time. */
export async function cancelRequest(prisma: PrismaClient, viewer: Viewer, { id, version }: { id: string; version: number }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await managedRequest(tx, viewer, id);
    if (!OPEN_REQUEST_STATUSES.includes(loaded.status)) {
      throw new InvalidTransitionError(`This request is ${loaded.status.toLowerCase()}, so it cannot be cancelled.`);
    }
    if (loaded.version !== version) throw new StaleVersionError('Request');
    await cancelRequestAndWithdraw(tx, viewer, requestOnly(loaded));
    return { id };
  });
}

/** Checks the input against the rules, the ICS's skills and the project's other titles; throws every issue found. */
async function checked(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  input: RequestInput,
  now: Date,
  { projectId, titleChanged }: { projectId: string; titleChanged: boolean },
): Promise<RequestFields> {
  const skillIds = [...input.requiredSkills, ...input.desiredSkills].map(({ skillId }) => skillId);
  const skills = await tx.skill.findMany({ where: { id: { in: skillIds }, icsId: viewer.icsId }, select: { id: true, name: true } });
  const { issues, request } = checkRequestInput(input, { now, knownSkills: new Map(skills.map(({ id, name }) => [id, name])) });
  if (titleChanged && request.title && (await tx.request.count({ where: { projectId, title: request.title } })) > 0) {
    issues.unshift(duplicateRequestTitle);
  }
  if (issues.length > 0) throw new ValidationFailedError(issues);
  return request;
}

/** Writes the change on the version read, so a change made meanwhile by someone else is a conflict. */
async function bumpVersion(tx: Prisma.TransactionClient, before: RequestSnapshot, data: Prisma.RequestUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.request
    .updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } })
    .catch(uniqueViolationAs(duplicateRequestTitle));
  if (count === 0) throw new StaleVersionError('Request');
}

function audit(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  action: string,
  before: RequestSnapshot | undefined,
  after: RequestSnapshot,
): Promise<void> {
  return recordAudit(tx, {
    icsId: viewer.icsId,
    actorId: viewer.userId,
    action,
    entityType: 'Request',
    entityId: after.id,
    before: before && requestAudit(before),
    after: requestAudit(after),
  });
}
