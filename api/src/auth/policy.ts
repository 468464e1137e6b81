import type { Prisma } from '../generated/prisma/client.ts';
import type { Viewer } from './session.ts';

// Organisation scope rules shared by the schema (field visibility) and the services (mutations).

export interface AnalystScope {
  id: string;
  organisationId: string;
}

/** The analyst themself, a lead of their home organisation, or a workforce lead. */
export function canManageAnalyst(viewer: Viewer | null, analyst: AnalystScope): boolean {
  if (!viewer) return false;
  if (viewer.role === 'WORKFORCE_LEAD' || viewer.analystId === analyst.id) return true;
  return viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId === analyst.organisationId;
}

/** A lead of the analyst's home organisation, or a workforce lead: those who record that the analyst has left. */
export function canRecordLeaving(viewer: Viewer | null, analyst: AnalystScope): boolean {
  return canManageAnalyst(viewer, analyst) && viewer?.analystId !== analyst.id;
}

/** DRAFT projects are visible only to their own organisation's leads and to workforce leads. */
export function visibleProjects(viewer: Viewer): Prisma.ProjectWhereInput {
  if (viewer.role === 'WORKFORCE_LEAD') return { icsId: viewer.icsId };
  return { icsId: viewer.icsId, OR: [{ status: { not: 'DRAFT' } }, ...ownOrganisation(viewer)] };
}

/** A request is a draft while it or its project is; drafts follow the project rule above. */
export function visibleRequests(viewer: Viewer): Prisma.RequestWhereInput {
  if (viewer.role === 'WORKFORCE_LEAD') return { icsId: viewer.icsId };
  return {
    icsId: viewer.icsId,
    OR: [
      { status: { not: 'DRAFT' }, project: { status: { not: 'DRAFT' } } },
      ...ownOrganisation(viewer).map((where) => ({ project: where })),
    ],
  };
}

/**
 * Allocations on requests the viewer may see, and among those only the ones they are a party to: workforce
 * leads see every one; an organisation lead those of their organisation's requests and analysts; an analyst
 * their own. Who works on what, when, and why they declined is not for onlookers.
 */
export function visibleAllocations(viewer: Viewer): Prisma.AllocationWhereInput {
  // Every request of the ICS is a workforce lead's to see, and an allocation is always in its request's ICS,
  // so their allocations need no join with the requests (PostgreSQL planned it badly without statistics).
  if (viewer.role === 'WORKFORCE_LEAD') return { icsId: viewer.icsId };
  const request = visibleRequests(viewer);
  const parties: Prisma.AllocationWhereInput[] = [
    ...(viewer.analystId ? [{ analystId: viewer.analystId }] : []),
    ...ownOrganisation(viewer).flatMap(({ organisationId }) => [{ analyst: { organisationId } }, { request: { project: { organisationId } } }]),
  ];
  // Prisma drops an empty OR rather than matching nothing, so say "nothing" outright.
  return parties.length ? { icsId: viewer.icsId, request, OR: parties } : { id: { in: [] } };
}

function ownOrganisation(viewer: Viewer): { organisationId: string }[] {
  return viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId ? [{ organisationId: viewer.organisationId }] : [];
}

/** Projects and their requests: workforce leads manage every organisation's, an organisation lead only their own. */
export function canManageProjectsOf(viewer: Viewer, organisationId: string): boolean {
  if (viewer.role === 'WORKFORCE_LEAD') return true;
  return viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId === organisationId;
}

/** Workforce leads run the pool: they propose, edit, confirm and review allocations and read the audit log. */
export function isWorkforceLead(viewer: Viewer | null): boolean {
  return viewer?.role === 'WORKFORCE_LEAD';
}

/** The parties that decide on an allocation: the requesting organisation, the analyst's home organisation, the analyst. */
export type AllocationParty = 'REQUESTER' | 'RELEASE' | 'ANALYST';

export interface AllocationPartiesScope {
  analystId: string;
  analyst: { organisationId: string };
  request: { project: { organisationId: string } };
}

/** Which parties the viewer decides for on this allocation (a workforce lead decides for none). */
export function allocationPartiesOf(viewer: Viewer | null, allocation: AllocationPartiesScope): AllocationParty[] {
  if (!viewer) return [];
  const parties: AllocationParty[] = [];
  if (viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId) {
    if (allocation.request.project.organisationId === viewer.organisationId) parties.push('REQUESTER');
    if (allocation.analyst.organisationId === viewer.organisationId) parties.push('RELEASE');
  }
  if (viewer.analystId === allocation.analystId) parties.push('ANALYST');
  return parties;
}

/** Workforce and organisation leads: the people who plan with the pool's capacity and demand. */
export function isLead(viewer: Viewer | null): boolean {
  return viewer?.role === 'WORKFORCE_LEAD' || viewer?.role === 'ORGANISATION_LEAD';
}
