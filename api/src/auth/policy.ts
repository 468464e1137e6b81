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

function ownOrganisation(viewer: Viewer): { organisationId: string }[] {
  return viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId ? [{ organisationId: viewer.organisationId }] : [];
}
