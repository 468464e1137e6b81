import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../api/src/app.ts';
import { startCareersApp, type CareersScenario } from '../fixtures/careers-scenario.ts';
import type { IcsScenario } from '../fixtures/ics-scenario.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let scenario: IcsScenario;
let careers: CareersScenario;
let app: App;

beforeAll(async () => {
  ({ database, scenario, app, careers } = await startCareersApp());
  // In this story the statistics model is the only open request with room left.
  await database.prisma.request.update({ where: { id: careers.requests.sqlExtract.id }, data: { status: 'CANCELLED' } });
});

afterAll(async () => {
  await database?.drop();
});

const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) {
    updateAnalystProfile(id: $id, version: $version, input: $input) { version targetRole { name } aspirations { targetLevel skill { name } } }
  }
`;
const OPPORTUNITIES = '{ opportunities { requestId kind grows { skillName } development { mentors { name } } } }';

describe('from aspiration to a mentored development placement, through the API', () => {
  it('an analyst aims higher, finds work that grows the skill, says so, and matching places them on it with a mentor', async () => {
    const analyst = await new ApiClient(app.yoga).signInAs(scenario.users.hospiceAnalyst);
    const me = scenario.analysts.hospiceAnalyst;
    const version = async () => (await database.prisma.analyst.findUniqueOrThrow({ where: { id: me.id } })).version;

    // Without the aspiration, being a level short rules the statistics model out.
    await analyst.execute(UPDATE, { id: me.id, version: await version(), input: { aspirations: [], targetRoleId: null } });
    expect((await analyst.execute(OPPORTUNITIES)).data!.opportunities).toEqual([]);

    const aimed = await analyst.execute(UPDATE, {
      id: me.id,
      version: await version(),
      input: { aspirations: [{ skillId: scenario.skills.statistics.id, targetLevel: 3 }], targetRoleId: scenario.roleProfiles.seniorAnalyst.id },
    });
    expect(aimed.errors).toBeUndefined();
    expect(aimed.data!.updateAnalystProfile.targetRole).toEqual({ name: 'Senior analyst, band 7' });

    const { opportunities } = (await analyst.execute(OPPORTUNITIES)).data!;
    expect(opportunities).toEqual([
      {
        requestId: careers.requests.frailtyModel.id,
        kind: 'DEVELOPMENT',
        grows: [{ skillName: 'Statistical modelling' }],
        development: { mentors: [{ name: 'Maya Patel' }] },
      },
    ]);
    const interest = await analyst.execute('mutation ($id: ID!) { expressInterest(requestId: $id) { interested } }', { id: careers.requests.frailtyModel.id });
    expect(interest.data!.expressInterest.interested).toBe(true);

    const lead = await new ApiClient(app.yoga).signInAs(scenario.users.workforceLead);
    const run = await lead.execute('mutation ($input: RunMatchingInput!) { runMatching(input: $input) { id status error } }', {
      input: { windowStart: '2027-01-04', windowEnd: '2027-03-29' },
    });
    expect(run.errors).toBeUndefined();
    expect(run.data!.runMatching).toMatchObject({ status: 'SUCCEEDED', error: null });

    const placements = await database.prisma.allocation.findMany({
      where: { runId: run.data!.runMatching.id, requestId: careers.requests.frailtyModel.id },
      include: { mentor: true },
    });
    const mine = placements.find((placement) => placement.analystId === me.id);
    expect(mine).toMatchObject({ kind: 'DEVELOPMENT', status: 'PROPOSED' });
    expect(mine!.mentor).toMatchObject({ analystId: careers.mentor.id, requestId: careers.requests.frailtyModel.id });
    expect(mine!.mentor!.kind).not.toBe('DEVELOPMENT');
    // Never more than half of the request's time on a development placement.
    expect(mine!.fte.toNumber()).toBeLessThanOrEqual(0.2);
  });
});
