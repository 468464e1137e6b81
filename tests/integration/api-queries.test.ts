import { beforeAll, describe, expect, it } from 'vitest';
import { addAnalystPool } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startScenarioApp({ onQuery: () => (statements += 1) }));

let client: ApiClient;

beforeAll(async () => {
  await addAnalystPool(setup.database.prisma, setup.scenario, 60);
  client = await setup.signIn(setup.scenario.users.workforceLead);
});

async function data<Data = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await client.execute<Data>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const ANALYST_LIST = /* GraphQL */ `
  query ($first: Int!, $after: String, $filter: AnalystFilter) {
    analysts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id name jobTitle band pooledFte email
        organisation { id name analystCount pooledFte }
        skills { level levelName lastEvidencedAt skill { id name category } }
        aspirations { targetLevel skill { id name } }
        targetRole { id name requirements { level skill { name } } }
        availabilities { startWeek }
        allocations(first: 5) { totalCount edges { node { id fte request { id title organisation { id } } } } }
      } }
    }
  }
`;

describe('the analysts list', () => {
  it('costs the same number of SQL statements for 5 analysts as for 50', async () => {
    statements = 0;
    const small = await data(ANALYST_LIST, { first: 5 });
    const forFive = statements;
    statements = 0;
    const large = await data(ANALYST_LIST, { first: 50 });
    const forFifty = statements;

    expect(small.analysts.edges).toHaveLength(5);
    expect(large.analysts.edges).toHaveLength(50);
    expect(forFifty).toBe(forFive);
  });

  it('is ordered by name, pages with cursors and counts every match', async () => {
    const first = await data(ANALYST_LIST, { first: 30 });
    const second = await data(ANALYST_LIST, { first: 100, after: first.analysts.pageInfo.endCursor });
    const names = [...first.analysts.edges, ...second.analysts.edges].map(({ node }) => node.name);

    expect(first.analysts.totalCount).toBe(62);
    expect(first.analysts.pageInfo.hasNextPage).toBe(true);
    expect(second.analysts.pageInfo.hasNextPage).toBe(false);
    expect(names).toHaveLength(62);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names.slice(0, 2)).toEqual(['Aisha Khan', 'Ben Okafor']);
  });

  it('filters by search, organisation and skill level', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await data(ANALYST_LIST, { first: 100, filter })).analysts.edges.map(({ node }: { node: { name: string } }) => node.name);

    expect(await names({ search: 'okafor' })).toEqual(['Ben Okafor']);
    expect(await names({ search: 'INFORMATION analyst' })).toEqual(['Aisha Khan', 'Ben Okafor']);
    expect(await names({ organisationId: setup.scenario.organisations.icb.id })).toEqual([]);
    expect(await names({ skillId: setup.scenario.skills.statistics.id })).toEqual(['Aisha Khan', 'Ben Okafor']);
    // Pool analysts cycle through SQL levels 1..4; the two scenario analysts are at 3.
    expect(await names({ skillId: setup.scenario.skills.sql.id, minLevel: 4 })).toHaveLength(15);
    expect(await names({ skillId: setup.scenario.skills.sql.id, minLevel: 3, organisationId: setup.scenario.organisations.acuteTrust.id })).toHaveLength(
      1 + 15,
    );
  });

  it('shows an analyst’s skills, aspirations, target role and allocations', async () => {
    const { analyst } = await data(
      `query ($id: ID!) { analyst(id: $id) {
        name contractedFte pooledFte protectedDevelopmentShare workPreference version
        skills { level levelName lastEvidencedAt skill { name } }
        aspirations { targetLevel skill { name } }
        targetRole { name band requirements { level skill { name } } }
        allocations { totalCount edges { node { fte startWeek endWeek kind status analyst { name } request { title } } } }
      } }`,
      { id: setup.scenario.analysts.acuteAnalyst.id },
    );
    expect(analyst).toEqual({
      name: 'Ben Okafor',
      contractedFte: 1,
      pooledFte: 0.4,
      protectedDevelopmentShare: 0.1,
      workPreference: 'HYBRID',
      version: 1,
      skills: [
        { level: 3, levelName: 'PRACTITIONER', lastEvidencedAt: '2026-06-01', skill: { name: 'SQL' } },
        { level: 2, levelName: 'WORKING', lastEvidencedAt: null, skill: { name: 'Statistical modelling' } },
      ],
      aspirations: [{ targetLevel: 3, skill: { name: 'Statistical modelling' } }],
      targetRole: {
        name: 'Senior analyst, band 7',
        band: 'BAND_7',
        requirements: [
          { level: 3, skill: { name: 'SQL' } },
          { level: 3, skill: { name: 'Statistical modelling' } },
        ],
      },
      allocations: {
        totalCount: 1,
        edges: [
          {
            node: {
              fte: 0.4,
              startWeek: '2027-01-04',
              endWeek: '2027-03-29',
              kind: 'STANDARD',
              status: 'ACCEPTED',
              analyst: { name: 'Ben Okafor' },
              request: { title: 'Demand forecast' },
            },
          },
        ],
      },
    });
  });
});

describe('organisations, skills and role profiles', () => {
  it('count current analysts and sum their pooled FTE', async () => {
    const { organisations } = await data('{ organisations { totalCount edges { node { name odsCode kind sizeBand headcount analystCount pooledFte } } } }');
    expect(organisations.totalCount).toBe(3);
    expect(organisations.edges.map(({ node }: { node: unknown }) => node)).toEqual([
      { name: 'Riverside ICB', odsCode: 'QRV', kind: 'ICB', sizeBand: 'SMALL', headcount: 400, analystCount: 0, pooledFte: 0 },
      { name: 'Riverside University Hospitals', odsCode: 'RRV', kind: 'ACUTE_TRUST', sizeBand: 'LARGE', headcount: 9000, analystCount: 31, pooledFte: 6.4 },
      { name: 'St Brigid’s Hospice', odsCode: 'NH1', kind: 'HOSPICE', sizeBand: 'SMALL', headcount: 180, analystCount: 31, pooledFte: 6.4 },
    ]);
  });

  it('filter organisations by kind and search, and skills by category', async () => {
    const result = await data(`{
      hospices: organisations(kind: HOSPICE) { edges { node { name } } }
      byOds: organisations(search: "rrv") { edges { node { name } } }
      skills(category: DATA_ENGINEERING) { totalCount edges { node { name category description } } }
      roleProfiles { totalCount edges { node { name band } } }
      ics { name code fairnessAlpha fairnessBeta fairnessGamma maxConcurrentRequests }
    }`);
    expect(result.hospices.edges).toEqual([{ node: { name: 'St Brigid’s Hospice' } }]);
    expect(result.byOds.edges).toEqual([{ node: { name: 'Riverside University Hospitals' } }]);
    expect(result.skills).toEqual({
      totalCount: 1,
      edges: [{ node: { name: 'SQL', category: 'DATA_ENGINEERING', description: 'SQL for health and care data.' } }],
    });
    expect(result.roleProfiles).toEqual({ totalCount: 1, edges: [{ node: { name: 'Senior analyst, band 7', band: 'BAND_7' } }] });
    expect(result.ics).toEqual({
      name: 'Riverside Integrated Care System',
      code: 'RVS',
      fairnessAlpha: 0.4,
      fairnessBeta: 0.4,
      fairnessGamma: 0.2,
      maxConcurrentRequests: 3,
    });
  });
});

describe('the pool summary', () => {
  const LISTS = `{
    organisations(first: 1) { totalCount }
    analysts(first: 1) { totalCount }
    requests(first: 1, filter: { status: SUBMITTED }) { totalCount }
  }`;

  it.each(['workforceLead', 'hospiceLead'] as const)('counts as the lists count, for the %s, without listing', async (user) => {
    const viewer = await setup.signIn(setup.scenario.users[user]);
    const lists = await viewer.execute(LISTS);
    await setup.database.prisma.$queryRaw`SELECT pg_current_xact_id()::text`;
    statements = 0;
    const summary = await viewer.execute('{ poolSummary { organisations analysts openRequests } }');
    const poolStatements = statements;

    expect(summary.errors).toBeUndefined();
    expect(summary.data?.poolSummary).toEqual({
      organisations: lists.data?.organisations.totalCount,
      analysts: lists.data?.analysts.totalCount,
      openRequests: lists.data?.requests.totalCount,
    });
    // the session, the snapshot check of the kept answers, one count each
    expect(poolStatements).toBeLessThanOrEqual(5);
  });
});

describe('requests and allocations', () => {
  it('show required and desired skills, the owning organisation and interest', async () => {
    const { request } = await data(
      `query ($id: ID!) { request(id: $id) {
        title fte startWeek endWeek priority openToDevelopment status submittedAt interestCount
        project { title status }
        organisation { name }
        requiredSkills { minLevel skill { name } }
        desiredSkills { minLevel skill { name } }
      } }`,
      { id: setup.scenario.requests.hospiceSubmitted.id },
    );
    expect(request).toEqual({
      title: 'Demand forecast',
      fte: 0.4,
      startWeek: '2027-01-04',
      endWeek: '2027-03-29',
      priority: 'MEDIUM',
      openToDevelopment: true,
      status: 'SUBMITTED',
      submittedAt: '2026-11-20T10:30:00.000Z',
      interestCount: 1,
      project: { title: 'Community palliative care demand model', status: 'ACTIVE' },
      organisation: { name: 'St Brigid’s Hospice' },
      requiredSkills: [{ minLevel: 3, skill: { name: 'Statistical modelling' } }],
      desiredSkills: [{ minLevel: 2, skill: { name: 'Dashboard design' } }],
    });
  });

  it('filter requests by organisation, status and skill, and projects by status and search', async () => {
    const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map(({ node }) => node.id).sort();
    const result = await data(
      `query ($hospice: ID!, $sql: ID!, $dashboards: ID!) {
        hospiceRequests: requests(filter: { organisationId: $hospice }) { edges { node { id } } }
        submitted: requests(filter: { status: SUBMITTED }) { edges { node { id } } }
        needingSql: requests(filter: { skillId: $sql }) { edges { node { id } } }
        wantingDashboards: requests(filter: { skillId: $dashboards, status: DRAFT }) { edges { node { id } } }
        drafts: projects(filter: { status: DRAFT }) { edges { node { id } } }
        theatre: projects(filter: { search: "THEATRE" }) { edges { node { id } } }
      }`,
      { hospice: setup.scenario.organisations.hospice.id, sql: setup.scenario.skills.sql.id, dashboards: setup.scenario.skills.dashboards.id },
    );
    const { requests, projects } = setup.scenario;
    expect(ids(result.hospiceRequests)).toEqual([requests.hospiceSubmitted.id, requests.hospiceDraft.id].sort());
    expect(ids(result.submitted)).toEqual([requests.hospiceSubmitted.id]);
    expect(ids(result.needingSql)).toEqual([]);
    expect(ids(result.wantingDashboards)).toEqual([requests.hospiceDraft.id, requests.acuteDraft.id].sort());
    expect(ids(result.drafts)).toEqual([projects.hospiceDraft.id, projects.acuteDraft.id].sort());
    expect(ids(result.theatre)).toEqual([projects.acuteDraft.id]);
  });

  it('filter allocations by analyst, either organisation involved, and status', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await data('query ($filter: AllocationFilter) { allocations(filter: $filter) { totalCount } }', { filter })).allocations.totalCount;

    expect(await count({})).toBe(1);
    expect(await count({ analystId: setup.scenario.analysts.acuteAnalyst.id })).toBe(1);
    expect(await count({ analystId: setup.scenario.analysts.hospiceAnalyst.id })).toBe(0);
    expect(await count({ organisationId: setup.scenario.organisations.hospice.id })).toBe(1);
    expect(await count({ organisationId: setup.scenario.organisations.acuteTrust.id })).toBe(1);
    expect(await count({ organisationId: setup.scenario.organisations.icb.id })).toBe(0);
    expect(await count({ status: 'PROPOSED' })).toBe(0);
  });
});
