import { beforeAll, describe, expect, it } from 'vitest';
import { startCareersApp } from '../fixtures/careers-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startCareersApp);

beforeAll(async () => {
  // In this story the statistics model is the only open request with room left.
  await setup.database.prisma.request.update({ where: { id: setup.careers.requests.sqlExtract.id }, data: { status: 'CANCELLED' } });
});

const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) {
    updateAnalystProfile(id: $id, version: $version, input: $input) { version targetRole { name } aspirations { targetLevel skill { name } } }
  }
`;
const OPPORTUNITIES = '{ opportunities { requestId kind grows { skillName } development { mentors { name } } } }';

describe('from aspiration to a mentored development placement, through the API', () => {
  it('an analyst aims higher, finds work that grows the skill, says so, and matching places them on it with a mentor', async () => {
    const analyst = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const me = setup.scenario.analysts.hospiceAnalyst;
    const version = async () => (await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: me.id } })).version;

    // Without the aspiration, being a level short rules the statistics model out.
    await analyst.execute(UPDATE, { id: me.id, version: await version(), input: { aspirations: [], targetRoleId: null } });
    expect((await analyst.execute(OPPORTUNITIES)).data!.opportunities).toEqual([]);

    const aimed = await analyst.execute(UPDATE, {
      id: me.id,
      version: await version(),
      input: { aspirations: [{ skillId: setup.scenario.skills.statistics.id, targetLevel: 3 }], targetRoleId: setup.scenario.roleProfiles.seniorAnalyst.id },
    });
    expect(aimed.errors).toBeUndefined();
    expect(aimed.data!.updateAnalystProfile.targetRole).toEqual({ name: 'Senior analyst, band 7' });

    const { opportunities } = (await analyst.execute(OPPORTUNITIES)).data!;
    expect(opportunities).toEqual([
      {
        requestId: setup.careers.requests.frailtyModel.id,
        kind: 'DEVELOPMENT',
        grows: [{ skillName: 'Statistical modelling' }],
        development: { mentors: [{ name: 'Maya Patel' }] },
      },
    ]);
    const interest = await analyst.execute('mutation ($id: ID!) { expressInterest(requestId: $id) { interested } }', { id: setup.careers.requests.frailtyModel.id });
    expect(interest.data!.expressInterest.interested).toBe(true);

    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const run = await lead.execute('mutation ($input: RunMatchingInput!) { runMatching(input: $input) { id status error } }', {
      input: { windowStart: '2027-01-04', windowEnd: '2027-03-29' },
    });
    expect(run.errors).toBeUndefined();
    expect(run.data!.runMatching).toMatchObject({ status: 'SUCCEEDED', error: null });

    const placements = await setup.database.prisma.allocation.findMany({
      where: { runId: run.data!.runMatching.id, requestId: setup.careers.requests.frailtyModel.id },
      include: { mentor: true },
    });
    const mine = placements.find((placement) => placement.analystId === me.id);
    expect(mine).toMatchObject({ kind: 'DEVELOPMENT', status: 'PROPOSED' });
    expect(mine!.mentor).toMatchObject({ analystId: setup.careers.mentor.id, requestId: setup.careers.requests.frailtyModel.id });
    expect(mine!.mentor!.kind).not.toBe('DEVELOPMENT');
    // Never more than half of the request's time on a development placement.
    expect(mine!.fte.toNumber()).toBeLessThanOrEqual(0.2);
  });
});
