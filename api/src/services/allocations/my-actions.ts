import type { Allocation, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
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
  where: Prisma.AllocationWhereInput;
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

/** The words each action's text needs, for all listed allocations in one statement. */
async function actionRows(prisma: PrismaClient, ids: string[]): Promise<Map<string, ActionRow>> {
  const rows = await prisma.$queryRaw<ActionRow[]>`
    SELECT a.id, a.fte::float8 AS fte, a."startWeek", an.name AS "analystName", r.title AS "requestTitle",
           o.name AS "requestingOrganisation"
    FROM "Allocation" a
    JOIN "Analyst" an ON an.id = a."analystId"
    JOIN "Request" r ON r.id = a."requestId"
    JOIN "Project" p ON p.id = r."projectId"
    JOIN "Organisation" o ON o.id = p."organisationId"
    WHERE a.id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

const awaitingDecisions = { status: 'PROPOSED', confirmedAt: { not: null } } as const satisfies Prisma.AllocationWhereInput;
const week = (date: Date) => date.toISOString().slice(0, 10);

/** What each role must act on now, as allocation filters. */
function actionSources(viewer: Viewer): ActionSource[] {
  const icsId = viewer.icsId;
  if (viewer.role === 'WORKFORCE_LEAD') {
    return [
      {
        kind: 'REVIEW_PROPOSAL',
        where: { icsId, status: 'PROPOSED', confirmedAt: null },
        text: (row) => `Review and confirm ${row.analystName} at ${row.fte} FTE on “${row.requestTitle}” from ${week(row.startWeek)}.`,
      },
      {
        // Declined, its request still short, and nothing proposed for it since.
        kind: 'REPLACE_DECLINED',
        where: {
          icsId,
          status: 'DECLINED',
          request: { status: { in: ['SUBMITTED', 'PARTIALLY_MATCHED'] }, allocations: { none: { status: 'PROPOSED' } } },
        },
        text: (row) => `${row.analystName} was declined for “${row.requestTitle}”; propose someone else.`,
      },
    ];
  }
  if (viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId) {
    const organisationId = viewer.organisationId;
    return [
      {
        kind: 'DECIDE_AS_REQUESTER',
        where: { icsId, ...awaitingDecisions, requesterDecision: 'PENDING', request: { project: { organisationId } } },
        text: (row) => `Accept or decline ${row.analystName} at ${row.fte} FTE for “${row.requestTitle}”.`,
      },
      {
        kind: 'APPROVE_RELEASE',
        where: { icsId, ...awaitingDecisions, releaseDecision: 'PENDING', analyst: { organisationId } },
        text: (row) =>
          `Approve releasing ${row.analystName} at ${row.fte} FTE to ${row.requestingOrganisation} for “${row.requestTitle}”.`,
      },
      {
        kind: 'GIVE_FEEDBACK',
        where: { icsId, status: 'COMPLETED', feedback: { is: null }, request: { project: { organisationId } } },
        text: (row) => `Give feedback on ${row.analystName}'s work on “${row.requestTitle}”.`,
      },
    ];
  }
  if (viewer.role === 'ANALYST' && viewer.analystId) {
    return [
      {
        kind: 'DECIDE_AS_ANALYST',
        where: { icsId, ...awaitingDecisions, analystDecision: 'PENDING', analystId: viewer.analystId },
        text: (row) =>
          `Accept or decline ${row.fte} FTE on “${row.requestTitle}” for ${row.requestingOrganisation} from ${week(row.startWeek)}.`,
      },
    ];
  }
  return [];
}

export interface ActionItem {
  kind: ActionKind;
  text: string;
  allocation: Allocation;
}

/**
 * The signed-in person's to-do list, most urgent kinds first and earliest weeks first within a kind, at
 * most `first` items. `allocationQuery` is the selection the caller needs on each allocation. A fixed
 * number of SQL statements whatever the list's length.
 */
export async function myActions(
  prisma: PrismaClient,
  viewer: Viewer,
  { first, allocationQuery }: { first: number; allocationQuery: { select?: Prisma.AllocationSelect; include?: Prisma.AllocationInclude } },
): Promise<{ totalCount: number; items: ActionItem[] }> {
  const sources = actionSources(viewer);
  const counts = await Promise.all(sources.map((source) => prisma.allocation.count({ where: source.where })));
  const listed = (
    await Promise.all(
      sources.map(async (source) =>
        (await prisma.allocation.findMany({ where: source.where, select: { id: true }, orderBy: [{ startWeek: 'asc' }, { id: 'asc' }], take: first })).map(
          (row) => ({ source, id: row.id }),
        ),
      ),
    )
  )
    .flat()
    .slice(0, first);
  const ids = listed.map((item) => item.id);
  const [words, allocations] = ids.length
    ? await Promise.all([
        actionRows(prisma, ids),
        prisma.allocation.findMany({ ...allocationQuery, where: { id: { in: ids } } }) as Promise<Allocation[]>,
      ])
    : [new Map<string, ActionRow>(), []];
  const byId = new Map(allocations.map((allocation) => [allocation.id, allocation]));
  return {
    totalCount: counts.reduce((sum, count) => sum + count, 0),
    items: listed.flatMap(({ source, id }) => {
      const allocation = byId.get(id);
      const row = words.get(id);
      return allocation && row ? [{ kind: source.kind, text: source.text(row), allocation }] : [];
    }),
  };
}
