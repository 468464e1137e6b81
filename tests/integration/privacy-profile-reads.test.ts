import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { sql } from '../support/sql.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

let statements = 0;
const setup = useScenarioApp(
  () => startScenarioApp({ onQuery: () => (statements += 1) }),
  ({ scenario: { users } }) => ({
    workforceLead: users.workforceLead,
    hospiceLead: users.hospiceLead,
    acuteLead: users.acuteLead,
    hospiceAnalyst: users.hospiceAnalyst,
  }),
);

afterEach(() => setup.database.prisma.profileRead.deleteMany());

const PROFILE = /* GraphQL */ `
  query ($id: ID!) {
    analyst(id: $id) {
      id name email
      skills { level skill { name } }
      aspirations { targetLevel }
      availabilities { startWeek }
      allocations(first: 10) { totalCount edges { node { id fte } } }
    }
  }
`;

const CAREER_PATH = /* GraphQL */ `
  query ($analystId: ID) { careerPath(analystId: $analystId) { analystId readiness } }
`;

const DIRECTORY = /* GraphQL */ `
  query { analysts(first: 50) { edges { node { id name email availabilities { startWeek } } } } }
`;

const PROFILE_READS = /* GraphQL */ `
  query ($filter: ProfileReadFilter) {
    profileReads(first: 50, filter: $filter) {
      totalCount
      edges { node { view readAt readerName readerRole readerOrganisationName analyst { id name } } }
    }
  }
`;

const MY_PROFILE_READS = /* GraphQL */ `
  query { myProfileReads(first: 10) { totalCount edges { node { view readerName readerRole } } } }
`;

const reads = () =>
  setup.database.prisma.profileRead.findMany({
    select: { analystId: true, readerId: true, view: true, readAt: true },
    orderBy: [{ readAt: 'asc' }, { view: 'asc' }],
  });

async function open(client: ApiClient, analystId: string) {
  const result = await client.execute(PROFILE, { id: analystId });
  expect(result.errors).toBeUndefined();
  return result.data!.analyst;
}

describe('the record of who opened whose profile', () => {
  it('records an organisation lead opening an analyst’s profile, naming the reader and the analyst', async () => {
    const { analysts, users } = setup.scenario;

    const profile = await open(setup.clients.acuteLead, analysts.hospiceAnalyst.id);

    expect(profile.name).toBe('Aisha Khan');
    expect(await reads()).toEqual([{ analystId: analysts.hospiceAnalyst.id, readerId: users.acuteLead.id, view: 'PROFILE', readAt: TEST_TODAY }]);
  });

  it('records a career path opened by the home organisation lead as a read of its own kind', async () => {
    const { analysts, users } = setup.scenario;

    const result = await setup.clients.hospiceLead.execute(CAREER_PATH, { analystId: analysts.hospiceAnalyst.id });

    expect(result.errors).toBeUndefined();
    expect(await reads()).toEqual([{ analystId: analysts.hospiceAnalyst.id, readerId: users.hospiceLead.id, view: 'CAREER_PATH', readAt: TEST_TODAY }]);
  });

  it('does not record analysts reading their own profile or career path', async () => {
    const { hospiceAnalyst } = setup.clients;

    await open(hospiceAnalyst, setup.scenario.analysts.hospiceAnalyst.id);
    expect((await hospiceAnalyst.execute(CAREER_PATH)).errors).toBeUndefined();

    expect(await reads()).toEqual([]);
  });

  it('does not record the directory list, which is not a profile read', async () => {
    const result = await setup.clients.workforceLead.execute(DIRECTORY);

    expect(result.data!.analysts.edges.length).toBeGreaterThan(1);
    expect(await reads()).toEqual([]);
  });

  it('does not record a refused career path or an analyst that does not exist', async () => {
    const { analysts } = setup.scenario;
    const refused = await setup.clients.acuteLead.execute(CAREER_PATH, { analystId: analysts.hospiceAnalyst.id });
    const missing = await setup.clients.acuteLead.execute(PROFILE, { id: '00000000-0000-4000-8000-000000000000' });

    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(missing.data!.analyst).toBeNull();
    expect(await reads()).toEqual([]);
  });

  it('keeps one row per reader, analyst and view an hour, and a new row the next hour', async () => {
    const { analysts, users } = setup.scenario;
    const nextHour = new Date(TEST_TODAY.getTime() + 60 * 60 * 1000);
    const anHourLater = new ApiClient(createApp({ prisma: setup.database.prisma, now: () => nextHour }).yoga);
    await anHourLater.signInAs(users.workforceLead);

    await open(setup.clients.workforceLead, analysts.acuteAnalyst.id);
    await open(setup.clients.workforceLead, analysts.acuteAnalyst.id);
    await open(anHourLater, analysts.acuteAnalyst.id);

    expect(await reads()).toEqual([
      { analystId: analysts.acuteAnalyst.id, readerId: users.workforceLead.id, view: 'PROFILE', readAt: TEST_TODAY },
      { analystId: analysts.acuteAnalyst.id, readerId: users.workforceLead.id, view: 'PROFILE', readAt: nextHour },
    ]);
  });

  it('adds one SQL statement to a profile read, whether recorded or throttled', async () => {
    const { hospiceAnalyst, workforceLead } = setup.clients;
    const analystId = setup.scenario.analysts.hospiceAnalyst.id;
    const countStatements = async (client: ApiClient) => {
      statements = 0;
      await open(client, analystId);
      return statements;
    };

    const ownRead = await countStatements(hospiceAnalyst);
    const recorded = await countStatements(workforceLead);
    const throttled = await countStatements(workforceLead);

    expect(recorded).toBe(ownRead + 1);
    expect(throttled).toBe(recorded);
  });

  it('fails the read, without the profile, when it cannot be recorded', async () => {
    const { url } = setup.database;
    await sql(url, 'ALTER TABLE "ProfileRead" RENAME TO "ProfileReadAway"');
    try {
      const result = await setup.clients.acuteLead.execute(PROFILE, { id: setup.scenario.analysts.hospiceAnalyst.id });

      expect(result.data?.analyst ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.text).not.toContain('Aisha');
      expect(result.text).not.toMatch(/at .+\.ts:\d+/);
    } finally {
      await sql(url, 'ALTER TABLE "ProfileReadAway" RENAME TO "ProfileRead"');
    }
  });
});

describe('seeing who opened a profile', () => {
  it('shows the workforce lead every read, filtered by analyst, with the reader’s name, role and organisation', async () => {
    const { analysts } = setup.scenario;
    await open(setup.clients.acuteLead, analysts.hospiceAnalyst.id);
    await open(setup.clients.hospiceLead, analysts.acuteAnalyst.id);

    const all = await setup.clients.workforceLead.execute(PROFILE_READS);
    const ofAisha = await setup.clients.workforceLead.execute(PROFILE_READS, { filter: { analystId: analysts.hospiceAnalyst.id } });

    expect(all.data!.profileReads.totalCount).toBe(2);
    expect(ofAisha.data!.profileReads.edges.map(({ node }: { node: unknown }) => node)).toEqual([
      {
        view: 'PROFILE',
        readAt: TEST_TODAY.toISOString(),
        readerName: 'Arjun Mehta',
        readerRole: 'ORGANISATION_LEAD',
        readerOrganisationName: 'Riverside University Hospitals',
        analyst: { id: analysts.hospiceAnalyst.id, name: 'Aisha Khan' },
      },
    ]);
  });

  it('shows analysts who opened their own profile, and refuses the whole log to everyone but the workforce lead', async () => {
    const { analysts } = setup.scenario;
    await open(setup.clients.acuteLead, analysts.hospiceAnalyst.id);
    await open(setup.clients.acuteLead, analysts.acuteAnalyst.id);

    const mine = await setup.clients.hospiceAnalyst.execute(MY_PROFILE_READS);
    const asLead = await setup.clients.acuteLead.execute(PROFILE_READS);
    const leadOwn = await setup.clients.acuteLead.execute(MY_PROFILE_READS);

    expect(mine.data!.myProfileReads).toEqual({
      totalCount: 1,
      edges: [{ node: { view: 'PROFILE', readerName: 'Arjun Mehta', readerRole: 'ORGANISATION_LEAD' } }],
    });
    expect(asLead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(leadOwn.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
