import { Prisma } from '../generated/prisma/client.ts';
import type { AllocationStatus, ProjectStatus, RequestStatus } from '../generated/prisma/enums.ts';
import { canManageProjectsOf } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { ForbiddenError, NotFoundError, ValidationFailedError, type FieldIssue } from '../errors.ts';

// Loading the project or request a mutation changes, with the checks every such mutation makes, and the
// snapshots its audit events record.

/** Projects still open to change; COMPLETED and CANCELLED ones are final. */
export const OPEN_PROJECT_STATUSES: readonly ProjectStatus[] = ['DRAFT', 'ACTIVE'];
/** Requests not yet COMPLETED or CANCELLED. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['DRAFT', 'SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE'];
/** Allocations not yet final: a proposal (confirmed or not), an accepted or an active one. */
export const LIVE_ALLOCATION_STATUSES: readonly AllocationStatus[] = ['PROPOSED', 'ACCEPTED', 'ACTIVE'];

/**
 * Everything about a request may change while it is a draft, or submitted with no analyst proposed for it
 * yet; after that the people deciding on proposals rely on it, so it can only be cancelled.
 */
export function isEditableRequest(status: RequestStatus, liveAllocations: number): boolean {
  return (status === 'DRAFT' || status === 'SUBMITTED') && liveAllocations === 0;
}

export const projectSnapshot = {
  id: true,
  organisationId: true,
  title: true,
  purpose: true,
  expectedBenefit: true,
  status: true,
  version: true,
} as const satisfies Prisma.ProjectSelect;

export type ProjectSnapshot = Prisma.ProjectGetPayload<{ select: typeof projectSnapshot }>;

export const requestSnapshot = {
  id: true,
  projectId: true,
  title: true,
  description: true,
  fte: true,
  startWeek: true,
  endWeek: true,
  priority: true,
  openToDevelopment: true,
  status: true,
  submittedAt: true,
  version: true,
  skills: { select: { skillId: true, kind: true, minLevel: true }, orderBy: [{ kind: 'asc' }, { skillId: 'asc' }] },
} as const satisfies Prisma.RequestSelect;

export type RequestSnapshot = Prisma.RequestGetPayload<{ select: typeof requestSnapshot }>;

/** A request as its audit events record it: dates as calendar days, FTE as a number. */
export function requestAudit(request: RequestSnapshot): Prisma.InputJsonObject {
  return {
    ...request,
    fte: request.fte.toNumber(),
    startWeek: calendarDay(request.startWeek),
    endWeek: calendarDay(request.endWeek),
    submittedAt: request.submittedAt?.toISOString() ?? null,
  };
}

export function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Analysts never manage projects, whatever the project; said before anything is looked up. */
export function assertMayManageProjects(viewer: Viewer): void {
  if (viewer.role === 'ANALYST') throw new ForbiddenError('Only organisation leads and workforce leads manage projects and requests.');
}

const notYourOrganisation = 'You may only manage your own organisation’s projects and requests.';

export function assertManagesOrganisation(viewer: Viewer, organisationId: string): void {
  assertMayManageProjects(viewer);
  if (!canManageProjectsOf(viewer, organisationId)) throw new ForbiddenError(notYourOrganisation);
}

/** The project, when it is in the viewer's ICS (NOT_FOUND otherwise) and theirs to manage (FORBIDDEN otherwise). */
export async function managedProject(tx: Prisma.TransactionClient, viewer: Viewer, id: string): Promise<ProjectSnapshot> {
  assertMayManageProjects(viewer);
  const project = await tx.project.findFirst({ where: { id, icsId: viewer.icsId }, select: projectSnapshot });
  if (!project) throw new NotFoundError('Project');
  assertManagesOrganisation(viewer, project.organisationId);
  return project;
}

/**
 * Holds the project row until the transaction ends, so a new request and the project's cancellation happen
 * one after the other: the request is either refused or cancelled with the project, never left open in it.
 */
export async function lockProject(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${id}::uuid FOR UPDATE`;
}

const managedRequestSelect = {
  ...requestSnapshot,
  project: { select: projectSnapshot },
  _count: { select: { allocations: { where: { status: { in: [...LIVE_ALLOCATION_STATUSES] } } } } },
} as const satisfies Prisma.RequestSelect;

export type ManagedRequest = Prisma.RequestGetPayload<{ select: typeof managedRequestSelect }>;

/** The request with its project and how many live allocations it has; NOT_FOUND and FORBIDDEN as above. */
export async function managedRequest(tx: Prisma.TransactionClient, viewer: Viewer, id: string): Promise<ManagedRequest> {
  assertMayManageProjects(viewer);
  const request = await tx.request.findFirst({ where: { id, icsId: viewer.icsId }, select: managedRequestSelect });
  if (!request) throw new NotFoundError('Request');
  assertManagesOrganisation(viewer, request.project.organisationId);
  return request;
}

/** Strips the loading extras so the audit "before" is the same shape as the "after". */
export function requestOnly({ project: _project, _count, ...request }: ManagedRequest): RequestSnapshot {
  return request;
}

/**
 * For a write that can only break a unique title: two people choosing the same title at the same moment.
 * The unique index decides, and the loser gets the same field error as the check before the write.
 */
export function uniqueViolationAs(issue: FieldIssue): (error: unknown) => never {
  return (error) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new ValidationFailedError([issue]);
    throw error;
  };
}
