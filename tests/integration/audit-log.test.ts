import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import { startAllocationScenarioApp } from '../fixtures/allocation-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startAllocationScenarioApp({ onQuery: () => (statements += 1) }));

let lead: ApiClient;

const EVENTS = 60;
const START = Date.parse('2026-11-01T09:00:00Z');
const HOUR = 3_600_000;
/** The seeded events only: signing in writes audit events of its own, now. */
const SEEDED = { to: new Date(START + EVENTS * HOUR).toISOString() };

beforeAll(async () => {
  const { users, ics, otherIcs, requests } = setup.scenario;
  const actors = [users.workforceLead, users.hospiceLead, users.acuteLead, null];
  await setup.database.prisma.auditEvent.createMany({
    data: Array.from({ length: EVENTS }, (_, index) => ({
      icsId: ics.id,
      actorId: actors[index % actors.length]?.id ?? null,
      action: index % 3 === 0 ? 'request.update' : 'allocation.confirm',
      entityType: index % 3 === 0 ? 'Request' : 'Allocation',
      entityId: index % 3 === 0 ? requests.mortalityReview.id : `allocation-${index % 5}`,
      before: { status: 'PROPOSED', fte: 0.2 },
      after: { status: 'PROPOSED', fte: 0.3, confirmedAt: '2026-11-02T10:00:00.000Z' },
      createdAt: new Date(START + index * HOUR),
    })),
  });
  await setup.database.prisma.auditEvent.create({
    data: { icsId: otherIcs.ics.id, actorId: otherIcs.workforceLead.id, action: 'request.update', entityType: 'Request', entityId: requests.mortalityReview.id },
  });
  lead = await setup.signIn(users.workforceLead);
});

const AUDIT = /* GraphQL */ `
  query ($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action entityType entityId createdAt before after actor { id name } changes { field before after } } }
    }
  }
`;

interface AuditNode {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

async function audit(variables: Record<string, unknown>) {
  statements = 0;
  const result = await lead.execute<{ auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: AuditNode }[] } }>(AUDIT, variables);
  expect(result.errors, result.text).toBeUndefined();
  const nodes = result.data!.auditEvents.edges.map((edge) => edge.node);
  return { ...result.data!.auditEvents, nodes, statements };
}

describe('the audit log', () => {
  it('lists the ICS’s events newest first, with the actor and the fields that changed', async () => {
    const { nodes, totalCount } = await audit({ filter: SEEDED, first: 100 });
    expect(totalCount).toBe(EVENTS);
    const times = nodes.map((node) => node.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(nodes[0]).toMatchObject({ createdAt: new Date(START + (EVENTS - 1) * HOUR).toISOString(), actor: null });
    expect(nodes[1]).toMatchObject({ actor: { name: 'Arjun Mehta' } });
    expect(nodes[0]!.changes).toEqual([
      { field: 'fte', before: '0.2', after: '0.3' },
      { field: 'confirmedAt', before: null, after: '"2026-11-02T10:00:00.000Z"' },
    ]);
    expect(nodes.filter((node) => node.actor === null)).toHaveLength(EVENTS / 4);
  });

  it('filters by entity, actor, action and time, in any combination', async () => {
    const { users, requests } = setup.scenario;
    expect((await audit({ filter: { entityType: 'Request' } })).totalCount).toBe(EVENTS / 3);
    expect((await audit({ filter: { entityType: 'Allocation', entityId: 'allocation-2' } })).nodes.every((node) => node.entityId === 'allocation-2')).toBe(true);
    const byActor = await audit({ filter: { actorId: users.hospiceLead.id }, first: 100 });
    expect(byActor.totalCount).toBe(EVENTS / 4);
    expect(new Set(byActor.nodes.map((node) => node.actor?.id))).toEqual(new Set([users.hospiceLead.id]));
    expect((await audit({ filter: { action: 'request.update', entityId: requests.mortalityReview.id } })).totalCount).toBe(EVENTS / 3);

    // from is inclusive, to exclusive: hours 10..19.
    const window = await audit({ filter: { from: new Date(START + 10 * HOUR).toISOString(), to: new Date(START + 20 * HOUR).toISOString() }, first: 100 });
    expect(window.totalCount).toBe(10);
    expect(window.nodes.at(-1)!.createdAt).toBe(new Date(START + 10 * HOUR).toISOString());
    const combined = await audit({ filter: { entityType: 'Request', actorId: users.workforceLead.id, to: new Date(START + 24 * HOUR).toISOString() } });
    // Requests are every 3rd event, the workforce lead every 4th: events 0 and 12 before hour 24.
    expect(combined.totalCount).toBe(2);
  });

  it('pages with cursors, costing the same SQL statements for 5 events as for 50', async () => {
    const first = await audit({ filter: SEEDED, first: 5 });
    const fifty = await audit({ filter: SEEDED, first: 50 });
    expect(first.nodes).toHaveLength(5);
    expect(fifty.nodes).toHaveLength(50);
    expect(fifty.statements).toBe(first.statements);
    const next = await audit({ filter: SEEDED, first: 50, after: fifty.pageInfo.endCursor });
    expect(next.nodes).toHaveLength(EVENTS - 50);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...fifty.nodes, ...next.nodes].map((node) => node.id)).size).toBe(EVENTS);
  });

  it('names the people who appear in it, for the actor filter', async () => {
    const result = await lead.execute(/* GraphQL */ `query { auditActors { id name } }`);
    expect(result.data!.auditActors.map((user: { name: string }) => user.name)).toEqual(['Arjun Mehta', 'Harriet Cole', 'Wendy Lau']);
  });

  it('is for workforce leads only', async () => {
    for (const user of [setup.scenario.users.hospiceLead, setup.scenario.users.chloe]) {
      const client = await setup.signIn(user);
      expect(errorCodes(await client.execute(AUDIT, {}))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await client.execute(`query { auditActors { id } }`))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await new ApiClient(setup.app.yoga).execute(AUDIT, {}))).toEqual(['UNAUTHENTICATED']);
  });
});
