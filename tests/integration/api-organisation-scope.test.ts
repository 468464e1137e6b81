import { describe, expect, it } from 'vitest';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

const PROJECTS_AND_REQUESTS = /* GraphQL */ `
  query {
    projects(first: 100) { totalCount edges { node { id requestCount requests { id } } } }
    requests(first: 100) { totalCount edges { node { id } } }
  }
`;

interface ProjectsAndRequests {
  projects: { totalCount: number; edges: { node: { id: string; requestCount: number; requests: { id: string }[] } }[] };
  requests: { totalCount: number; edges: { node: { id: string } }[] };
}

async function visibleTo(user: { email: string }) {
  const { data, errors } = await (await setup.signIn(user)).execute<ProjectsAndRequests>(PROJECTS_AND_REQUESTS);
  expect(errors).toBeUndefined();
  return {
    projects: data!.projects.edges.map(({ node }) => node.id).sort(),
    projectCount: data!.projects.totalCount,
    requests: data!.requests.edges.map(({ node }) => node.id).sort(),
    requestCount: data!.requests.totalCount,
    requestsInProjects: data!.projects.edges.flatMap(({ node }) => node.requests.map((request) => request.id)).sort(),
    requestCountsInProjects: data!.projects.edges.map(({ node }) => [node.requestCount, node.requests.length]),
  };
}

describe('DRAFT projects and requests', () => {
  it('are visible to their own organisation lead, not to another organisation lead', async () => {
    const { projects, requests } = setup.scenario;
    const hospice = await visibleTo(setup.scenario.users.hospiceLead);

    expect(hospice.projects).toEqual([projects.hospiceActive.id, projects.hospiceDraft.id].sort());
    expect(hospice.projectCount).toBe(2);
    expect(hospice.requests).toEqual([requests.hospiceSubmitted.id, requests.hospiceDraft.id].sort());
    expect(hospice.requestCount).toBe(2);

    const acute = await visibleTo(setup.scenario.users.acuteLead);
    expect(acute.projects).toEqual([projects.hospiceActive.id, projects.acuteDraft.id].sort());
    expect(acute.requests).toEqual([requests.hospiceSubmitted.id, requests.acuteDraft.id].sort());
    expect(acute.requestsInProjects).toEqual([requests.hospiceSubmitted.id, requests.acuteDraft.id].sort());
    // Each project's request count counts only the requests this viewer may see.
    for (const [count, listed] of [...hospice.requestCountsInProjects, ...acute.requestCountsInProjects]) expect(count).toBe(listed);
    expect(acute.requestCountsInProjects.reduce((sum, [count = 0]) => sum + count, 0)).toBe(2);
  });

  it('cannot be fetched by id by another organisation lead', async () => {
    const client = await setup.signIn(setup.scenario.users.acuteLead);
    const result = await client.execute(
      'query ($project: ID!, $request: ID!) { project(id: $project) { id } request(id: $request) { id } }',
      { project: setup.scenario.projects.hospiceDraft.id, request: setup.scenario.requests.hospiceDraft.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ project: null, request: null });
  });

  it('are hidden from analysts', async () => {
    const analyst = await visibleTo(setup.scenario.users.hospiceAnalyst);
    expect(analyst.projects).toEqual([setup.scenario.projects.hospiceActive.id]);
    expect(analyst.requests).toEqual([setup.scenario.requests.hospiceSubmitted.id]);
  });

  it('are all visible to a workforce lead', async () => {
    const workforce = await visibleTo(setup.scenario.users.workforceLead);
    expect(workforce.projects).toEqual(Object.values(setup.scenario.projects).map((project) => project.id).sort());
    expect(workforce.requests).toEqual(Object.values(setup.scenario.requests).map((request) => request.id).sort());
  });
});

const PERSONAL_DETAILS = /* GraphQL */ `
  query { analysts(first: 100) { edges { node { id email availabilities { startWeek endWeek availableFraction } } } } }
`;

async function personalDetailsSeenBy(user: { email: string }) {
  const result = await (await setup.signIn(user)).execute<{
    analysts: { edges: { node: { id: string; email: string | null; availabilities: unknown[] | null } }[] };
  }>(PERSONAL_DETAILS);
  expect(result.errors).toBeUndefined();
  return new Map(result.data!.analysts.edges.map(({ node }) => [node.id, node]));
}

describe('personal details of analysts', () => {
  const availability = [{ startWeek: '2026-12-21', endWeek: '2027-01-04', availableFraction: 0 }];

  it('are visible to the home organisation lead and null to another organisation lead', async () => {
    const { hospiceAnalyst, acuteAnalyst } = setup.scenario.analysts;
    const seen = await personalDetailsSeenBy(setup.scenario.users.hospiceLead);

    expect(seen.get(hospiceAnalyst.id)).toEqual({ id: hospiceAnalyst.id, email: hospiceAnalyst.email, availabilities: availability });
    expect(seen.get(acuteAnalyst.id)).toEqual({ id: acuteAnalyst.id, email: null, availabilities: null });
  });

  it('are visible to the analyst themself, not to another analyst', async () => {
    const { hospiceAnalyst, acuteAnalyst } = setup.scenario.analysts;
    const seen = await personalDetailsSeenBy(setup.scenario.users.acuteAnalyst);

    expect(seen.get(acuteAnalyst.id)).toMatchObject({ email: acuteAnalyst.email, availabilities: availability });
    expect(seen.get(hospiceAnalyst.id)).toMatchObject({ email: null, availabilities: null });
  });

  it('are visible to a workforce lead for every analyst', async () => {
    const seen = await personalDetailsSeenBy(setup.scenario.users.workforceLead);
    expect([...seen.values()].map((analyst) => analyst.email).sort()).toEqual(
      [setup.scenario.analysts.acuteAnalyst.email, setup.scenario.analysts.hospiceAnalyst.email].sort(),
    );
  });
});

const UPDATE_PROFILE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) {
    updateAnalystProfile(id: $id, version: $version, input: $input) { id jobTitle workPreference targetRole { id } version }
  }
`;

async function updateProfile(user: { email: string }, analyst: { id: string }, input: Record<string, unknown>) {
  const { version } = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: analyst.id } });
  return (await setup.signIn(user)).execute(UPDATE_PROFILE, { id: analyst.id, version, input });
}

const auditRowsFor = (analyst: { id: string }) =>
  setup.database.prisma.auditEvent.findMany({ where: { entityType: 'Analyst', entityId: analyst.id }, orderBy: { createdAt: 'asc' } });

describe('updating an analyst profile', () => {
  it('is FORBIDDEN to another analyst, changes nothing and writes no audit row', async () => {
    const target = setup.scenario.analysts.hospiceAnalyst;
    const before = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: target.id } });
    const auditBefore = await auditRowsFor(target);

    const result = await updateProfile(setup.scenario.users.acuteAnalyst, target, { jobTitle: 'Chief of everything' });

    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
    expect(await auditRowsFor(target)).toEqual(auditBefore);
  });

  it('is FORBIDDEN to the lead of another organisation', async () => {
    const result = await updateProfile(setup.scenario.users.acuteLead, setup.scenario.analysts.hospiceAnalyst, { workPreference: 'REMOTE' });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });

  it('is allowed to a workforce lead, bumps the version and audits before and after in the same change', async () => {
    const target = setup.scenario.analysts.acuteAnalyst;
    const { version } = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: target.id } });

    const result = await updateProfile(setup.scenario.users.workforceLead, target, { jobTitle: 'Senior information analyst', targetRoleId: null });

    expect(result.errors).toBeUndefined();
    expect(result.data?.updateAnalystProfile).toEqual({
      id: target.id,
      jobTitle: 'Senior information analyst',
      workPreference: 'HYBRID',
      targetRole: null,
      version: version + 1,
    });
    const [audit] = (await auditRowsFor(target)).slice(-1);
    expect(audit).toMatchObject({
      icsId: setup.scenario.ics.id,
      actorId: setup.scenario.users.workforceLead.id,
      action: 'analyst.profile.update',
      entityType: 'Analyst',
      entityId: target.id,
      before: { jobTitle: 'Information analyst', targetRoleProfileId: setup.scenario.roleProfiles.seniorAnalyst.id, version },
      after: { jobTitle: 'Senior information analyst', targetRoleProfileId: null, version: version + 1 },
    });
  });

  it('is allowed to the analyst themself and to their home organisation lead', async () => {
    const target = setup.scenario.analysts.hospiceAnalyst;
    const own = await updateProfile(setup.scenario.users.hospiceAnalyst, target, { workPreference: 'REMOTE', sectorsOfInterest: ['HOSPICE'] });
    const lead = await updateProfile(setup.scenario.users.hospiceLead, target, { targetRoleId: setup.scenario.roleProfiles.seniorAnalyst.id });

    expect(own.errors).toBeUndefined();
    expect(lead.errors).toBeUndefined();
    expect(await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      workPreference: 'REMOTE',
      sectorsOfInterest: ['HOSPICE'],
      targetRoleProfileId: setup.scenario.roleProfiles.seniorAnalyst.id,
    });
  });

  it('is STALE_VERSION when the version is not the current one, changing nothing', async () => {
    const target = setup.scenario.analysts.hospiceAnalyst;
    const before = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: target.id } });
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);

    const result = await client.execute(UPDATE_PROFILE, { id: target.id, version: before.version - 1, input: { jobTitle: 'Old news' } });

    expect(errorCodes(result)).toEqual(['STALE_VERSION']);
    expect(await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
  });

  it('is NOT_FOUND for an analyst of another ICS', async () => {
    const result = await updateProfile(setup.scenario.users.workforceLead, setup.scenario.otherIcs.analyst, { jobTitle: 'Poached' });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });

  it('rejects a target role of another ICS as VALIDATION_FAILED on input.targetRoleId', async () => {
    const otherRole = await setup.database.prisma.roleProfile.create({
      data: { icsId: setup.scenario.otherIcs.ics.id, name: 'Hillside analyst', band: 'BAND_6' },
    });
    const result = await updateProfile(setup.scenario.users.workforceLead, setup.scenario.analysts.acuteAnalyst, { targetRoleId: otherRole.id });
    expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
    expect(result.errors?.[0]?.extensions?.fields).toEqual([{ path: ['input', 'targetRoleId'], message: 'No such role profile.' }]);
  });
});

describe('tenant isolation', () => {
  it('never shows another ICS', async () => {
    const client = await setup.signIn(setup.scenario.users.workforceLead);
    const result = await client.execute(
      `query ($analyst: ID!, $organisation: ID!) {
        analyst(id: $analyst) { id }
        organisation(id: $organisation) { id }
        analysts(first: 100) { edges { node { id } } }
        organisations { edges { node { id } } }
        ics { id }
      }`,
      { analyst: setup.scenario.otherIcs.analyst.id, organisation: setup.scenario.otherIcs.organisation.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.analyst).toBeNull();
    expect(result.data?.organisation).toBeNull();
    expect(result.data?.ics).toEqual({ id: setup.scenario.ics.id });
    expect(result.data?.analysts.edges.map(({ node }: { node: { id: string } }) => node.id)).not.toContain(setup.scenario.otherIcs.analyst.id);
    expect(result.data?.organisations.edges.map(({ node }: { node: { id: string } }) => node.id).sort()).toEqual(
      Object.values(setup.scenario.organisations).map((organisation) => organisation.id).sort(),
    );
  });
});
