import { beforeAll, describe, expect, it } from 'vitest';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { succeeds, uniqueTitle } from '../fixtures/project-operations.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startScenarioApp({ onQuery: () => (statements += 1) }));

beforeAll(async () => {
  const { prisma } = setup.database;
  const icsId = setup.scenario.ics.id;
  // 60 hospice projects, each with two requests holding skills and an allocation, so per-row queries would show.
  for (let index = 0; index < 60; index += 1) {
    await prisma.project.create({
      data: {
        icsId,
        organisationId: setup.scenario.organisations.hospice.id,
        title: uniqueTitle('Pool project'),
        purpose: 'Load.',
        status: index % 2 === 0 ? 'DRAFT' : 'ACTIVE',
        requests: {
          create: ['First', 'Second'].map((title) => ({
            icsId,
            title,
            fte: 0.2,
            startWeek: new Date('2027-01-04T00:00:00Z'),
            endWeek: new Date('2027-02-01T00:00:00Z'),
            skills: { create: [{ icsId, skillId: setup.scenario.skills.sql.id, kind: 'REQUIRED' as const, minLevel: 2 }] },
            allocations: {
              create: [{ icsId, analystId: setup.scenario.analysts.acuteAnalyst.id, fte: 0.1, startWeek: new Date('2027-01-04T00:00:00Z'), endWeek: new Date('2027-01-11T00:00:00Z') }],
            },
          })),
        },
      },
    });
  }
});

const MY_PROJECTS = /* GraphQL */ `
  query ($first: Int!) {
    projects(first: $first, filter: { mine: true }) {
      totalCount
      edges { node {
        id title status version open viewerCanManage requestCount organisation { id name }
        requests { id title version status editable cancellable viewerCanManage
          requiredSkills { minLevel skill { id name } } desiredSkills { minLevel skill { id name } }
          allocations { id status analyst { id name } } }
      } }
    }
  }
`;

const REQUESTS = /* GraphQL */ `
  query ($first: Int!) {
    requests(first: $first) {
      edges { node { id version editable cancellable viewerCanManage project { id title open } allocations { id status } } }
    }
  }
`;

interface MyProjects {
  projects: { totalCount: number; edges: { node: { title: string; requests: { editable: boolean; viewerCanManage: boolean }[] } }[] };
}

describe('lists of projects and requests with the fields the forms need', () => {
  it('cost the same number of SQL statements for 5 projects as for 50', async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    statements = 0;
    const five = await succeeds<MyProjects>(lead, MY_PROJECTS, { first: 5 });
    const forFive = statements;
    statements = 0;
    const fifty = await succeeds<MyProjects>(lead, MY_PROJECTS, { first: 50 });
    const forFifty = statements;

    expect(five.projects.edges).toHaveLength(5);
    expect(fifty.projects.edges).toHaveLength(50);
    expect(forFifty).toBe(forFive);
    // Every request of the pool projects carries a PROPOSED allocation, so none can be edited; all are the lead's to manage.
    const pool = fifty.projects.edges.filter(({ node }) => node.title.startsWith('Pool project'));
    const requests = pool.flatMap(({ node }) => node.requests);
    expect(requests.length).toBeGreaterThan(40);
    expect(requests.every((request) => !request.editable && request.viewerCanManage)).toBe(true);
  });

  it('and the same for requests', async () => {
    const workforceLead = await setup.signIn(setup.scenario.users.workforceLead);
    statements = 0;
    await succeeds(workforceLead, REQUESTS, { first: 5 });
    const forFive = statements;
    statements = 0;
    await succeeds(workforceLead, REQUESTS, { first: 50 });
    expect(statements).toBe(forFive);
  });
});
