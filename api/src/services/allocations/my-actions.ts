import { Prisma, type Allocation, type PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';

export type ActionKind =
  | 'DECIDE_AS_REQUESTER'
  | 'APPROVE_RELEASE'
  | 'DECIDE_AS_ANALYST'
  | 'GIVE_FEEDBACK'
  | 'REVIEW_PROPOSAL'
  | 'REPLACE_DECLINED';

export const ACTION_KINDS: ActionKind[] = [
  'DECIDE_AS_REQUESTER',
  'APPROVE_RELEASE',
  'DECIDE_AS_ANALYST',
  'GIVE_FEEDBACK',
  'REVIEW_PROPOSAL',
  'REPLACE_DECLINED',
];

interface ActionSource {
  kind: ActionKind;
  /** Which allocations `x` call for this action. */
  where: Prisma.Sql;
  text: (row: ActionRow) => string;
}

interface ActionRow {
  id: string;
  fte: number;
  startWeek: Date;
  analystName: string;
  requestTitle: string;
  requestingOrganisation: string;
}

const awaitingDecisions = Prisma.sql`x.status = 'PROPOSED' AND x."confirmedAt" IS NOT NULL`;
/** The allocation is to a request of one of the organisation's projects. */
const requestedBy = (icsId: string, organisationId: Prisma.Sql) => Prisma.sql`x."requestId" IN (
  SELECT r.id FROM "Request" r JOIN "Project" p ON p.id = r."projectId" WHERE p."icsId" = ${icsId}::uuid AND p."organisationId" = ${organisationId})`;
const week = (date: Date) => date.toISOString().slice(0, 10);

/** What each role must act on now, most urgent kind first. */
function actionSources(viewer: Viewer): ActionSource[] {
  if (viewer.role === 'WORKFORCE_LEAD') {
    return [
      {
        kind: 'REVIEW_PROPOSAL',
        where: Prisma.sql`x.status = 'PROPOSED' AND x."confirmedAt" IS NULL`,
        text: (row) => `Review and confirm ${row.analystName} at ${row.fte} FTE on “${row.requestTitle}” from ${week(row.startWeek)}.`,
      },
      {
        // Declined, its request still short, and nothing proposed for it since.
        kind: 'REPLACE_DECLINED',
        where: Prisma.sql`x.status = 'DECLINED'
          AND EXISTS (SELECT 1 FROM "Request" r WHERE r.id = x."requestId" AND r.status IN ('SUBMITTED', 'PARTIALLY_MATCHED'))
          AND NOT EXISTS (SELECT 1 FROM "Allocation" later WHERE later."requestId" = x."requestId" AND later.status = 'PROPOSED')`,
        text: (row) => `${row.analystName} was declined for “${row.requestTitle}”; propose someone else.`,
      },
    ];
  }
  if (viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId) {
    const organisationId = Prisma.sql`${viewer.organisationId}::uuid`;
    return [
      {
        kind: 'DECIDE_AS_REQUESTER',
        where: Prisma.sql`${awaitingDecisions} AND x."requesterDecision" = 'PENDING' AND ${requestedBy(viewer.icsId, organisationId)}`,
        text: (row) => `Accept or decline ${row.analystName} at ${row.fte} FTE for “${row.requestTitle}”.`,
      },
      {
        kind: 'APPROVE_RELEASE',
        where: Prisma.sql`${awaitingDecisions} AND x."releaseDecision" = 'PENDING'
          AND x."analystId" IN (SELECT an.id FROM "Analyst" an WHERE an."icsId" = ${viewer.icsId}::uuid AND an."organisationId" = ${organisationId})`,
        text: (row) =>
          `Approve releasing ${row.analystName} at ${row.fte} FTE to ${row.requestingOrganisation} for “${row.requestTitle}”.`,
      },
      {
        kind: 'GIVE_FEEDBACK',
        where: Prisma.sql`x.status = 'COMPLETED' AND ${requestedBy(viewer.icsId, organisationId)}
          AND NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."allocationId" = x.id)`,
        text: (row) => `Give feedback on ${row.analystName}'s work on “${row.requestTitle}”.`,
      },
    ];
  }
  if (viewer.role === 'ANALYST' && viewer.analystId) {
    return [
      {
        kind: 'DECIDE_AS_ANALYST',
        where: Prisma.sql`${awaitingDecisions} AND x."analystDecision" = 'PENDING' AND x."analystId" = ${viewer.analystId}::uuid`,
        text: (row) =>
          `Accept or decline ${row.fte} FTE on “${row.requestTitle}” for ${row.requestingOrganisation} from ${week(row.startWeek)}.`,
      },
    ];
  }
  return [];
}

interface ListedRow extends ActionRow {
  source: number;
  /** How many allocations call for this row's action, beyond the listed ones too. */
  total: number;
}

/**
 * The first `first` allocations of each source, earliest week first, with the words their texts need and how
 * many each source has in all: one statement for every source. Sources pick allocations by their own columns and
 * subqueries, and only the listed ones are joined with their analyst, request and organisation, so the statement
 * stays quick to plan and to run however many allocations a source has.
 */
async function listedActions(prisma: PrismaClient, icsId: string, sources: ActionSource[], first: number): Promise<ListedRow[]> {
  const candidates = Prisma.join(
    sources.map(
      (source, index) => Prisma.sql`
        SELECT ${index}::int AS source, x.id, x."startWeek" FROM "Allocation" x WHERE x."icsId" = ${icsId}::uuid AND ${source.where}`,
    ),
    ' UNION ALL ',
  );
  return prisma.$queryRaw<ListedRow[]>`
    SELECT ranked.source, x.id::text AS id, x.fte::float8 AS fte, x."startWeek", an.name AS "analystName",
           r.title AS "requestTitle", o.name AS "requestingOrganisation", ranked.total
    FROM (
      SELECT candidate.source, candidate.id, (count(*) OVER (PARTITION BY source))::int AS total,
             row_number() OVER (PARTITION BY source ORDER BY "startWeek", id) AS position
      FROM (${candidates}) candidate
    ) ranked
    JOIN "Allocation" x ON x.id = ranked.id
    JOIN "Analyst" an ON an.id = x."analystId"
    JOIN "Request" r ON r.id = x."requestId"
    JOIN "Project" p ON p.id = r."projectId"
    JOIN "Organisation" o ON o.id = p."organisationId"
    WHERE ranked.position <= ${first}
    ORDER BY ranked.source, x."startWeek", x.id`;
}

export interface ActionItem {
  kind: ActionKind;
  text: string;
  allocation: Allocation;
}

/**
 * The signed-in person's to-do list, most urgent kinds first and earliest weeks first within a kind, at
 * most `first` items. `allocationQuery` is the selection the caller needs on each allocation. Two SQL
 * statements (plus the selection's relations) whatever the list's length.
 */
export async function myActions(
  prisma: PrismaClient,
  viewer: Viewer,
  { first, allocationQuery }: { first: number; allocationQuery: { select?: Prisma.AllocationSelect; include?: Prisma.AllocationInclude } },
): Promise<{ totalCount: number; items: ActionItem[] }> {
  const sources = actionSources(viewer);
  const rows = sources.length ? await listedActions(prisma, viewer.icsId, sources, first) : [];
  const totals = new Map(rows.map((row) => [row.source, row.total]));
  const listed = rows.slice(0, first);
  const allocations = listed.length
    ? ((await prisma.allocation.findMany({ ...allocationQuery, where: { id: { in: listed.map((row) => row.id) } } })) as Allocation[])
    : [];
  const byId = new Map(allocations.map((allocation) => [allocation.id, allocation]));
  return {
    totalCount: [...totals.values()].reduce((sum, count) => sum + count, 0),
    items: listed.flatMap((row) => {
      const allocation = byId.get(row.id);
      const source = sources[row.source]!;
      return allocation ? [{ kind: source.kind, text: source.text(row), allocation }] : [];
    }),
  };
}
