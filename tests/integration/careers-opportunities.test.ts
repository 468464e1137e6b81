import { describe, expect, it } from 'vitest';
import { startCareersApp } from '../fixtures/careers-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startCareersApp({ onQuery: () => (statements += 1) }));

const OPPORTUNITIES = /* GraphQL */ `
  query {
    opportunities {
      requestId title projectTitle organisationName startWeek endWeek weekCount requestedFte openFte availableFte
      kind score interested explanation
      skills { skillName required wantedLevel yourLevel }
      grows { skillId skillName level targetLevel }
      development { skillId skillName yourLevel requiredLevel mentors { analystId name level } }
    }
  }
`;

const EXPRESS = 'mutation ($requestId: ID!) { expressInterest(requestId: $requestId) { requestId interested } }';
const WITHDRAW = 'mutation ($requestId: ID!) { withdrawInterest(requestId: $requestId) { requestId interested } }';

const interestAudits = () => setup.database.prisma.auditEvent.count({ where: { entityType: 'Interest' } });

describe('opportunities for the signed-in analyst', () => {
  it('ranks the development placement that grows an aspired skill first, naming mentors, time and reasons', async () => {
    const result = await (await setup.signIn(setup.scenario.users.hospiceAnalyst)).execute(OPPORTUNITIES);

    expect(result.errors).toBeUndefined();
    const [first, second, ...rest] = result.data!.opportunities;
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      requestId: setup.careers.requests.frailtyModel.id,
      organisationName: setup.scenario.organisations.acuteTrust.name,
      kind: 'DEVELOPMENT',
      weekCount: 8,
      requestedFte: 0.4,
      openFte: 0.4,
      // At most half of the request's time goes to a development placement.
      availableFte: 0.2,
      grows: [{ skillId: setup.scenario.skills.statistics.id, skillName: 'Statistical modelling', level: 2, targetLevel: 3 }],
      development: {
        skillName: 'Statistical modelling',
        yourLevel: 2,
        requiredLevel: 3,
        mentors: [{ analystId: setup.careers.mentor.id, name: 'Maya Patel', level: 4 }],
      },
    });
    expect(first.explanation.join(' ')).toMatch(/development placement.*Statistical modelling/);
    expect(first.explanation.join(' ')).toContain('Maya Patel (4 Expert) could mentor you.');
    expect(first.explanation.join(' ')).toContain('8 weeks from 11 January 2027');

    expect(second).toMatchObject({ requestId: setup.careers.requests.sqlExtract.id, kind: 'STANDARD', grows: [], development: null, availableFte: 0.3 });
    expect(second.skills).toEqual([{ skillName: 'SQL', required: true, wantedLevel: 2, yourLevel: 3 }]);
    expect(second.explanation).toContain('It uses none of the skills you aim to grow.');
    expect(first.score).toBeGreaterThan(second.score);
  });

  it('leaves out requests of the analyst’s own organisation and those already filled', async () => {
    const result = await (await setup.signIn(setup.scenario.users.acuteAnalyst)).execute(OPPORTUNITIES);
    expect(result.data!.opportunities).toEqual([]);
  });

  it('is FORBIDDEN to someone who is not an analyst', async () => {
    const result = await (await setup.signIn(setup.scenario.users.workforceLead)).execute(OPPORTUNITIES);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });

  it('drops an opportunity once the analyst books leave over its weeks', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const { version } = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: setup.scenario.analysts.hospiceAnalyst.id } });
    const leave = await client.execute(
      'mutation ($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) { updateAnalystProfile(id: $id, version: $version, input: $input) { version } }',
      {
        id: setup.scenario.analysts.hospiceAnalyst.id,
        version,
        input: { availability: [{ startWeek: '2027-02-01', endWeek: '2027-02-08', availableFraction: 0 }] },
      },
    );
    expect(leave.errors).toBeUndefined();

    const result = await client.execute(OPPORTUNITIES);
    expect(result.data!.opportunities).toEqual([]);

    await client.execute(
      'mutation ($id: ID!, $version: Int!) { updateAnalystProfile(id: $id, version: $version, input: { availability: [] }) { version } }',
      { id: setup.scenario.analysts.hospiceAnalyst.id, version: version + 1 },
    );
    expect((await client.execute(OPPORTUNITIES)).data!.opportunities).toHaveLength(2);
  });

  it('costs the same number of SQL statements however many requests are open', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    statements = 0;
    await client.execute(OPPORTUNITIES);
    const forTwo = statements;
    for (let index = 0; index < 12; index += 1) {
      await setup.database.prisma.request.create({
        data: {
          icsId: setup.scenario.ics.id,
          projectId: setup.careers.project.id,
          title: `Extra extract ${index}`,
          fte: 0.2,
          startWeek: new Date('2027-01-11T00:00:00Z'),
          endWeek: new Date('2027-01-25T00:00:00Z'),
          status: 'SUBMITTED',
          skills: { create: [{ icsId: setup.scenario.ics.id, skillId: setup.scenario.skills.sql.id, kind: 'REQUIRED', minLevel: 1 }] },
        },
      });
    }
    statements = 0;
    const result = await client.execute(OPPORTUNITIES);
    expect(result.data!.opportunities).toHaveLength(14);
    expect(statements).toBe(forTwo);
  });
});

describe('interest in an opportunity', () => {
  it('is recorded and withdrawn with an audit event each, and shows on the opportunity', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const requestId = setup.careers.requests.frailtyModel.id;
    const audits = await interestAudits();

    expect((await client.execute(EXPRESS, { requestId })).data!.expressInterest).toEqual({ requestId, interested: true });
    expect((await client.execute(EXPRESS, { requestId })).errors).toBeUndefined();
    expect(await setup.database.prisma.interest.count({ where: { analystId: setup.scenario.analysts.hospiceAnalyst.id, requestId } })).toBe(1);
    expect(await interestAudits()).toBe(audits + 1);
    const opportunity = (await client.execute('query ($id: ID!) { opportunity(requestId: $id) { interested explanation } }', { id: requestId }))
      .data!.opportunity;
    expect(opportunity.interested).toBe(true);
    expect(opportunity.explanation).toContain('You have expressed interest; matching takes it into account.');

    expect((await client.execute(WITHDRAW, { requestId })).data!.withdrawInterest).toEqual({ requestId, interested: false });
    expect(await setup.database.prisma.interest.count({ where: { analystId: setup.scenario.analysts.hospiceAnalyst.id, requestId } })).toBe(0);
    const [last] = await setup.database.prisma.auditEvent.findMany({ where: { entityType: 'Interest' }, orderBy: { createdAt: 'desc' }, take: 1 });
    expect(last).toMatchObject({ action: 'interest.withdraw', actorId: setup.scenario.users.hospiceAnalyst.id, before: { requestId } });
    expect(await interestAudits()).toBe(audits + 2);
  });

  it('is NOT_FOUND for a draft request or one of another ICS, and writes nothing', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const audits = await interestAudits();
    for (const requestId of [setup.scenario.requests.acuteDraft.id, '00000000-0000-4000-8000-000000000000']) {
      expect(errorCodes(await client.execute(EXPRESS, { requestId }))).toEqual(['NOT_FOUND']);
    }
    expect(await interestAudits()).toBe(audits);
  });
});
