import { describe, expect, it } from 'vitest';
import { startInsightApp } from '../fixtures/insight-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

// The derived reports (api/src/services/insight/report-cache.ts) and the responses of read-only page queries
// (api/src/cache/response-cache.ts) are kept in memory between requests; these tests hold them to never
// showing data older than the last committed write.

let statements = 0;
const setup = useScenarioApp(
  () => startInsightApp({ onQuery: () => (statements += 1) }),
  ({ scenario }) => ({ lead: scenario.users.workforceLead, hospiceLead: scenario.users.hospiceLead }),
);

const FAIRNESS = /* GraphQL */ `
  query ($startWeek: Date, $endWeek: Date) {
    fairnessReport(startWeek: $startWeek, endWeek: $endWeek) {
      totalSupply
      organisations { organisation { name } received contribution }
    }
  }
`;

const CAPACITY = /* GraphQL */ `
  query ($fromMonth: Date, $months: Int) {
    capacityDemand(fromMonth: $fromMonth, months: $months) { organisations { label cells { bucket supply demand } } }
  }
`;

const UTILISATION = /* GraphQL */ `
  query ($fromMonth: Date, $months: Int) {
    utilisation(fromMonth: $fromMonth, months: $months) { analysts { analyst { name } months { month allocated } } }
  }
`;

const WITHDRAW = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!) {
    withdrawAllocation(id: $id, version: $version, reason: "The waiting list model is paused.") { status }
  }
`;

const TIMELINE = /* GraphQL */ `
  query ($filter: AllocationFilter) {
    allocations(first: 100, filter: $filter) { totalCount edges { node { id status analyst { name } } } }
  }
`;

const WINTER = { startWeek: '2026-12-07', endWeek: '2027-02-22' };
const DECEMBER = { fromMonth: '2026-12-01', months: 1 };

async function read(query: string, variables: Record<string, unknown>) {
  statements = 0;
  const result = await setup.clients.lead.execute(query, variables);
  await queryEventsDelivered();
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements };
}

/** Prisma reports a statement just after its result. */
const queryEventsDelivered = () => new Promise((resolve) => setImmediate(resolve));

async function fairness() {
  const { data } = await read(FAIRNESS, WINTER);
  const rows = data.fairnessReport.organisations as { organisation: { name: string }; received: number; contribution: number }[];
  return Object.fromEntries(rows.map((row) => [row.organisation.name, row]));
}

async function decemberAllocated(analyst: string): Promise<number> {
  const { data } = await read(UTILISATION, DECEMBER);
  const rows = data.utilisation.analysts as { analyst: { name: string }; months: { allocated: number }[] }[];
  return rows.find((row) => row.analyst.name === analyst)!.months[0]!.allocated;
}

async function decemberSupply(organisation: string): Promise<number> {
  const { data } = await read(CAPACITY, DECEMBER);
  const rows = data.capacityDemand.organisations as { label: string; cells: { supply: number }[] }[];
  return rows.find((row) => row.label === organisation)!.cells[0]!.supply;
}

describe('derived reports kept between requests', () => {
  it('answers a repeated report from memory, without its own statements', async () => {
    const first = await read(FAIRNESS, WINTER);
    const again = await read(FAIRNESS, WINTER);
    expect(again.data).toEqual(first.data);
    // What remains is the session lookup, which reads the database snapshot in the same statement.
    expect(again.statements).toBeLessThan(first.statements);
    expect(again.statements).toBe(1);
  });

  it('shows a write through the API in the very next report', async () => {
    const { allocations } = setup.insight;
    const before = await fairness();
    const allocatedBefore = await decemberAllocated('Chloe Dunn');
    expect(before['Riverside University Hospitals']!.received).toBe(4.8);
    expect(allocatedBefore).toBe(0.4);

    const withdrawn = await setup.clients.lead.execute(WITHDRAW, { id: allocations.chloeOnWaitingList.id, version: allocations.chloeOnWaitingList.version });
    expect(withdrawn.errors).toBeUndefined();

    // Chloe's 0.4 FTE for the 12 weeks of the waiting list model no longer counts.
    expect((await fairness())['Riverside University Hospitals']!.received).toBe(0);
    expect(await decemberAllocated('Chloe Dunn')).toBe(0);
  });

  it('shows a write made outside the API, such as the hourly status changes or another process', async () => {
    const { analysts } = setup.insight;
    const before = await decemberSupply('Riverside ICB');
    // Chloe's pooled time goes from 0.5 to 0.9 FTE: after her protected tenth, 0.8 FTE allocatable instead of 0.4.
    await setup.database.prisma.analyst.update({ where: { id: analysts.chloe.id }, data: { pooledFte: 0.9 } });
    expect(await decemberSupply('Riverside ICB')).toBeCloseTo(before + 0.4, 3);
  });

  it('computes a report once for requests that ask for it at the same time', async () => {
    const elsewhen = { fromMonth: '2027-06-01', months: 2 };
    const computed = (await read(CAPACITY, elsewhen)).statements;
    const kept = (await read(CAPACITY, elsewhen)).statements;
    statements = 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => setup.clients.lead.execute(CAPACITY, { fromMonth: '2027-03-01', months: 2 })));
    await queryEventsDelivered();
    expect(results.every((result) => result.errors === undefined)).toBe(true);
    // Five session lookups (each reading the snapshot too), and the report's own statements at most once.
    expect(statements).toBeLessThanOrEqual(5 * kept + (computed - kept));
  });

  it('executes a page query once for the same requests from one person arriving together', async () => {
    const window = (fromWeek: string, toWeek: string) => ({ filter: { fromWeek, toWeek, statuses: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] } });
    const computed = (await read(TIMELINE, window('2026-10-05', '2026-12-28'))).statements;
    const kept = (await read(TIMELINE, window('2026-10-05', '2026-12-28'))).statements;
    statements = 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => setup.clients.lead.execute(TIMELINE, window('2026-10-12', '2027-01-04'))));
    await queryEventsDelivered();
    expect(results.every((result) => result.errors === undefined)).toBe(true);
    expect(new Set(results.map((result) => JSON.stringify(result.data))).size).toBe(1);
    // Five session lookups (each reading the snapshot too), and the page's own statements once.
    expect(statements).toBe(5 * kept + (computed - kept));
  });

  it('answers a page query again from memory, for the same person only, until something is written', async () => {
    const { allocations } = setup.insight;
    const filter = { filter: { fromWeek: '2026-11-23', toWeek: '2027-02-15', statuses: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] } };
    const first = await read(TIMELINE, filter);
    const again = await read(TIMELINE, filter);
    expect(again.data).toEqual(first.data);
    expect(again.statements).toBe(1);

    // The hospice's lead sees only the allocations of the hospice's analysts and requests, not the lead's page.
    const hospice = await setup.clients.hospiceLead.execute(TIMELINE, filter);
    expect(hospice.data!.allocations.totalCount).toBeLessThan(first.data.allocations.totalCount);

    const withdrawn = await setup.clients.lead.execute(WITHDRAW, { id: allocations.devOverbooked.id, version: allocations.devOverbooked.version });
    expect(withdrawn.errors).toBeUndefined();
    const after = await read(TIMELINE, filter);
    expect(after.data.allocations.totalCount).toBe(first.data.allocations.totalCount - 1);
    expect(after.data.allocations.edges.map(({ node }: { node: { id: string } }) => node.id)).not.toContain(allocations.devOverbooked.id);
  });
});
