import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/session.ts';
import { InvalidTransitionError, NotFoundError, StaleVersionError, ValidationFailedError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import {
  assertManagesOrganisation,
  assertMayManageProjects,
  managedProject,
  OPEN_PROJECT_STATUSES,
  OPEN_REQUEST_STATUSES,
  projectSnapshot,
  requestSnapshot,
  type ProjectSnapshot,
  uniqueViolationAs,
} from './projects-access.ts';
import { checkProjectInput, duplicateProjectTitle, type ProjectFields, type ProjectInput } from './projects-input.ts';
import { cancelRequestAndWithdraw } from './requests-cancellation.ts';

/**
 * A new DRAFT project. An organisation lead creates it for their own organisation (the default); a workforce
 * lead for any organisation of the ICS, which they must name.
 */
export async function createProject(
  prisma: PrismaClient,
  viewer: Viewer,
  { organisationId, input }: { organisationId?: string | null; input: ProjectInput },
): Promise<{ id: string }> {
  assertMayManageProjects(viewer);
  const owner = organisationId ?? (viewer.role === 'ORGANISATION_LEAD' ? viewer.organisationId : null);
  return prisma.$transaction(async (tx) => {
    const organisation = owner
      ? await tx.organisation.findFirst({ where: { id: owner, icsId: viewer.icsId }, select: { id: true } })
      : null;
    if (owner && !organisation) throw new NotFoundError('Organisation');
    if (organisation) assertManagesOrganisation(viewer, organisation.id);

    const { issues, project } = checkProjectInput(input);
    if (!organisation) issues.unshift({ path: ['organisationId'], message: 'Choose the organisation that owns the project' });
    else if (project.title && (await titleTaken(tx, organisation.id, project.title))) issues.push(duplicateProjectTitle);
    if (issues.length > 0 || !organisation) throw new ValidationFailedError(issues);

    const created = await tx.project
      .create({
        data: { icsId: viewer.icsId, organisationId: organisation.id, createdById: viewer.userId, ...project },
        select: projectSnapshot,
      })
      .catch(uniqueViolationAs(duplicateProjectTitle));
    await audit(tx, viewer, 'project.create', created.id, undefined, created);
    return { id: created.id };
  });
}

/** Changes a DRAFT or ACTIVE project's title, purpose and expected benefit; its organisation stays. */
export async function updateProject(
  prisma: PrismaClient,
  viewer: Viewer,
  { id, version, input }: { id: string; version: number; input: ProjectInput },
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await managedProject(tx, viewer, id);
    assertOpen(before, 'changed');
    if (before.version !== version) throw new StaleVersionError('Project');
    const { issues, project } = checkProjectInput(input);
    if (project.title && project.title !== before.title && (await titleTaken(tx, before.organisationId, project.title))) {
      issues.push(duplicateProjectTitle);
    }
    if (issues.length > 0) throw new ValidationFailedError(issues);

    const after = await writeProject(tx, before, project);
    await audit(tx, viewer, 'project.update', id, before, after);
    return { id };
  });
}

/** Cancels the project and every open request of it; allocations on those requests are withdrawn. */
export async function cancelProject(prisma: PrismaClient, viewer: Viewer, { id, version }: { id: string; version: number }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await managedProject(tx, viewer, id);
    assertOpen(before, 'cancelled');
    if (before.version !== version) throw new StaleVersionError('Project');

    const after = await writeProject(tx, before, { status: 'CANCELLED' });
    await audit(tx, viewer, 'project.cancel', id, before, after);
    const requests = await tx.request.findMany({
      where: { projectId: id, status: { in: [...OPEN_REQUEST_STATUSES] } },
      select: requestSnapshot,
      orderBy: { id: 'asc' },
    });
    for (const request of requests) await cancelRequestAndWithdraw(tx, viewer, request);
    return { id };
  });
}

/** A DRAFT project becomes ACTIVE when its first request is submitted; audited in the caller's transaction. */
export async function activateProject(tx: Prisma.TransactionClient, viewer: Viewer, project: ProjectSnapshot): Promise<void> {
  if (project.status !== 'DRAFT') return;
  const after = await writeProject(tx, project, { status: 'ACTIVE' });
  await audit(tx, viewer, 'project.activate', project.id, project, after);
}

function assertOpen(project: ProjectSnapshot, change: string): void {
  if (!OPEN_PROJECT_STATUSES.includes(project.status)) {
    throw new InvalidTransitionError(`This project is ${project.status.toLowerCase()}, so it cannot be ${change}.`);
  }
}

/** Writes the change on the version read, so a change made meanwhile by someone else is a conflict. */
async function writeProject(
  tx: Prisma.TransactionClient,
  before: ProjectSnapshot,
  data: Partial<ProjectFields> & Pick<Prisma.ProjectUpdateInput, 'status'>,
): Promise<ProjectSnapshot> {
  const { count } = await tx.project
    .updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } })
    .catch(uniqueViolationAs(duplicateProjectTitle));
  if (count === 0) throw new StaleVersionError('Project');
  return tx.project.findUniqueOrThrow({ where: { id: before.id }, select: projectSnapshot });
}

async function titleTaken(tx: Prisma.TransactionClient, organisationId: string, title: string): Promise<boolean> {
  return (await tx.project.count({ where: { organisationId, title } })) > 0;
}

function audit(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  action: string,
  entityId: string,
  before: ProjectSnapshot | undefined,
  after: ProjectSnapshot,
): Promise<void> {
  return recordAudit(tx, { icsId: viewer.icsId, actorId: viewer.userId, action, entityType: 'Project', entityId, before, after });
}
