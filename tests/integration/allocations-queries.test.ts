import { beforeAll, describe, expect, it } from 'vitest';
import { addWeeksTo } from '../../api/src/domain/weeks.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { startAllocationScenarioApp, week } from '../fixtures/allocation-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startAllocationScenarioApp({ onQuery: () => (statements += 1) }));

let lead: ApiClient;

const COUNT = 60;
const FIRST = week('2027-01-04');

beforeAll(async () => {
  const { analysts, requests, ics } = setup.scenario;
  // Chloe and Dev in turn, one week each from 4 January; every third confirmed.
  await setup.database.prisma.allocation.createMany({
    data: Array.from({ length: COUNT }, (_, index) => ({
      icsId: ics.id,
      analystId: index % 2 === 0 ? analysts.chloe.id : analysts.dev.id,
      requestId: requests.mortalityReview.id,
      fte: 0.1,
      startWeek: addWeeksTo(FIRST, index),
      endWeek: addWeeksTo(FIRST, index),
      confirmedAt: index % 3 === 0 ? new Date('2026-11-20T10:00:00Z') : null,
    })),
  });
  lead = await setup.signIn(setup.scenario.users.workforceLead);
});

const ALLOCATIONS = /* GraphQL */ `
  query ($filter: AllocationFilter, $first: Int) {
    allocations(filter: $filter, first: $first) {
      totalCount
      edges { node {
        id fte startWeek endWeek status confirmed version viewerParties awaitingParties
        analyst { id name organisation { id name } skills { level skill { name } } }
        request { id title organisation { name } requiredSkills { minLevel skill { name } } }
        mentor { id }
      } }
    }
  }
`;

const PAGE = /* GraphQL */ `
  query ($filter: AllocationFilter, $first: Int, $after: String) {
    allocations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id analyst { name } request { title } } }
    }
  }
`;

interface AllocationPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

async function list(filter: Record<string, unknown> = {}, first = 100) {
  statements = 0;
  const result = await lead.execute(ALLOCATIONS, { filter, first });
  expect(result.errors, result.text).toBeUndefined();
  return { ...result.data!.allocations, statements, nodes: result.data!.allocations.edges.map((edge: { node: unknown }) => edge.node) };
}

describe('the allocations list', () => {
  it('costs the same number of SQL statements for 5 allocations as for 50', async () => {
    const five = await list({}, 5);
    const fifty = await list({}, 50);
    expect(five.nodes).toHaveLength(5);
    expect(fifty.nodes).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
  });

  it('pages with cursors in start-week order, each page as the whole list has it', async () => {
    const filter = { requestId: setup.scenario.requests.mortalityReview.id };
    const whole = (await list(filter)).nodes.map((node: { id: string }) => node.id);
    const pageAfter = async (after: string | null) => {
      const result = await lead.execute<{ allocations: AllocationPage }>(PAGE, { filter, first: 25, after });
      expect(result.errors, result.text).toBeUndefined();
      return result.data!.allocations;
    };
    const pages = [await pageAfter(null)];
    while (pages.at(-1)!.pageInfo.hasNextPage) pages.push(await pageAfter(pages.at(-1)!.pageInfo.endCursor));
    expect(pages.map((page) => page.edges.length)).toEqual([25, 25, COUNT - 50]);
    expect(pages.every((page) => page.totalCount === COUNT)).toBe(true);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(whole);
  });

  it('filters by weeks (overlap), skill, confirmation, request and status', async () => {
    const ours = { requestId: setup.scenario.requests.mortalityReview.id };
    expect((await list(ours)).totalCount).toBe(COUNT);
    const window = await list({ ...ours, fromWeek: '2027-01-11', toWeek: '2027-01-25' });
    expect(window.nodes.map((node: { startWeek: string }) => node.startWeek)).toEqual(['2027-01-11', '2027-01-18', '2027-01-25']);
    expect((await list({ ...ours, confirmed: true })).totalCount).toBe(COUNT / 3);
    expect((await list({ ...ours, confirmed: false })).totalCount).toBe((COUNT * 2) / 3);
    expect((await list({ ...ours, skillId: setup.scenario.skills.statistics.id })).totalCount).toBe(COUNT);
    expect((await list({ ...ours, skillId: setup.scenario.skills.dashboards.id })).totalCount).toBe(0);
    expect((await list({ ...ours, statuses: ['ACCEPTED', 'ACTIVE'] })).totalCount).toBe(0);
    expect((await list({ ...ours, organisationId: setup.scenario.organisations.communityTrust.id })).totalCount).toBe(COUNT / 2);
  });

  it('finds one allocation by id, and none of another ICS', async () => {
    const [node] = (await list({ requestId: setup.scenario.requests.mortalityReview.id }, 1)).nodes;
    const one = await lead.execute(`query ($id: ID!) { allocation(id: $id) { id } }`, { id: node.id });
    expect(one.data!.allocation).toEqual({ id: node.id });
    const other = await setup.database.prisma.allocation.create({
      data: {
        icsId: setup.scenario.otherIcs.ics.id,
        analystId: setup.scenario.otherIcs.analyst.id,
        requestId: setup.scenario.requests.mortalityReview.id,
        fte: 0.1,
        startWeek: FIRST,
        endWeek: FIRST,
      },
    });
    expect((await lead.execute(`query ($id: ID!) { allocation(id: $id) { id } }`, { id: other.id })).data!.allocation).toBeNull();
  });
});
