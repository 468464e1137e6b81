import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { AgendaForChangeBand } from '../../generated/prisma/enums.ts';
import { isWorkforceLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import { ForbiddenError } from '../../errors.ts';

// Who gets development placements across the ICS, so they are spread fairly, not only to the analysts of
// the biggest partner. Counts placements that were not declined or withdrawn and overlap the window.

const LISTED = 200;

export interface DevelopmentPlacementRow {
  allocationId: string;
  analystId: string;
  analystName: string;
  band: AgendaForChangeBand;
  homeOrganisationName: string;
  requestTitle: string;
  requestingOrganisationName: string;
  startWeek: Date;
  endWeek: Date;
  status: string;
  mentorName: string | null;
}

export interface OrganisationPlacements {
  organisationId: string;
  organisationName: string;
  /** Active analysts whose home is this organisation. */
  analystCount: number;
  placements: number;
  /** Distinct analysts of this organisation with a placement. */
  analystsPlaced: number;
}

export interface DevelopmentPlacementsReport {
  total: number;
  byBand: { band: AgendaForChangeBand; placements: number }[];
  byOrganisation: OrganisationPlacements[];
  /** Newest first, at most 200. */
  placements: DevelopmentPlacementRow[];
}

export async function developmentPlacements(prisma: PrismaClient, viewer: Viewer, window: WeekSpan): Promise<DevelopmentPlacementsReport> {
  if (!isWorkforceLead(viewer)) throw new ForbiddenError('Only workforce leads see development placements across the ICS.');
  const where = {
    icsId: viewer.icsId,
    kind: 'DEVELOPMENT' as const,
    status: { notIn: ['DECLINED' as const, 'WITHDRAWN' as const] },
    startWeek: { lte: window.endWeek },
    endWeek: { gte: window.startWeek },
  };
  const [rows, organisations] = await Promise.all([
    prisma.allocation.findMany({
      where,
      orderBy: [{ startWeek: 'desc' }, { id: 'asc' }],
      select: {
        id: true,
        startWeek: true,
        endWeek: true,
        status: true,
        analyst: { select: { id: true, name: true, band: true, organisationId: true, organisation: { select: { name: true } } } },
        request: { select: { title: true, project: { select: { organisation: { select: { name: true } } } } } },
        mentor: { select: { analyst: { select: { name: true } } } },
      },
    }),
    prisma.organisation.findMany({
      where: { icsId: viewer.icsId },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, _count: { select: { analysts: { where: { status: 'ACTIVE' } } } } },
    }),
  ]);

  const bands = new Map<AgendaForChangeBand, number>();
  const perOrganisation = new Map<string, { placements: number; analysts: Set<string> }>();
  for (const row of rows) {
    bands.set(row.analyst.band, (bands.get(row.analyst.band) ?? 0) + 1);
    const entry = perOrganisation.get(row.analyst.organisationId) ?? { placements: 0, analysts: new Set<string>() };
    entry.placements += 1;
    entry.analysts.add(row.analyst.id);
    perOrganisation.set(row.analyst.organisationId, entry);
  }
  return {
    total: rows.length,
    byBand: [...bands].map(([band, placements]) => ({ band, placements })).sort((a, b) => (a.band < b.band ? -1 : 1)),
    byOrganisation: organisations.map((organisation) => ({
      organisationId: organisation.id,
      organisationName: organisation.name,
      analystCount: organisation._count.analysts,
      placements: perOrganisation.get(organisation.id)?.placements ?? 0,
      analystsPlaced: perOrganisation.get(organisation.id)?.analysts.size ?? 0,
    })),
    placements: rows.slice(0, LISTED).map((row) => ({
      allocationId: row.id,
      analystId: row.analyst.id,
      analystName: row.analyst.name,
      band: row.analyst.band,
      homeOrganisationName: row.analyst.organisation.name,
      requestTitle: row.request.title,
      requestingOrganisationName: row.request.project.organisation.name,
      startWeek: row.startWeek,
      endWeek: row.endWeek,
      status: row.status,
      mentorName: row.mentor?.analyst.name ?? null,
    })),
  };
}
