import { describe, expect, it } from 'vitest';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import {
  auditEventsOf,
  CANCEL_PROJECT,
  CREATE_PROJECT,
  CREATE_REQUEST,
  failure,
  projectInput,
  requestInput,
  succeeds,
  UPDATE_PROJECT,
  writtenState,
  type ProjectResult,
  type RequestResult,
} from '../fixtures/project-operations.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

async function createProject(client: ApiClient, variables: Record<string, unknown> = {}): Promise<ProjectResult> {
  const data = await succeeds<{ createProject: ProjectResult }>(client, CREATE_PROJECT, { input: projectInput(), ...variables });
  return data.createProject;
}

describe('createProject', () => {
  it("makes a DRAFT project of the organisation lead's own organisation, with an audit event", async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const input = projectInput({ title: '  Bereavement follow-up  ' });
    const project = await createProject(lead, { input });

    expect(project).toMatchObject({
      title: 'Bereavement follow-up',
      status: 'DRAFT',
      version: 1,
      open: true,
      viewerCanManage: true,
      organisation: { id: setup.scenario.organisations.hospice.id },
    });
    const [event, ...others] = await auditEventsOf(setup.database.prisma, project.id);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      action: 'project.create',
      entityType: 'Project',
      actorId: setup.scenario.users.hospiceLead.id,
      before: null,
      after: { title: 'Bereavement follow-up', status: 'DRAFT', organisationId: setup.scenario.organisations.hospice.id },
    });
  });

  it('lets a workforce lead create a project for any organisation they name, and asks them to name one', async () => {
    const workforceLead = await setup.signIn(setup.scenario.users.workforceLead);
    const project = await createProject(workforceLead, { organisationId: setup.scenario.organisations.acuteTrust.id });
    expect(project.organisation.id).toBe(setup.scenario.organisations.acuteTrust.id);

    const before = await writtenState(setup.database.prisma);
    const missing = failure(await workforceLead.execute(CREATE_PROJECT, { input: projectInput() }));
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: ['organisationId'], message: 'Choose the organisation that owns the project' }] });
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });

  it.each([
    ['a blank title', { title: '   ' }, ['input', 'title'], 'Enter a project title'],
    ['a title that is too long', { title: 'x'.repeat(201) }, ['input', 'title'], 'Title must be 200 characters or fewer'],
    ['a blank purpose', { purpose: '' }, ['input', 'purpose'], 'Enter what the project is for'],
    ['an expected benefit that is too long', { expectedBenefit: 'x'.repeat(4001) }, ['input', 'expectedBenefit'], 'Expected benefit must be 4,000 characters or fewer'],
  ])('refuses %s with a field error and writes nothing', async (_case, overrides, path, message) => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const before = await writtenState(setup.database.prisma);
    const result = failure(await lead.execute(CREATE_PROJECT, { input: projectInput(overrides) }));
    expect(result).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path, message }] });
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });

  it("refuses a title the organisation already uses as a field error (not a server error), but allows it in another organisation", async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const title = setup.scenario.projects.hospiceActive.title;
    const before = await writtenState(setup.database.prisma);
    const result = failure(await lead.execute(CREATE_PROJECT, { input: projectInput({ title }) }));
    expect(result).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'title'] }] });
    expect(result.fields[0]!.message).toMatch(/already has a project with this title/);
    expect(await writtenState(setup.database.prisma)).toEqual(before);

    const acuteLead = await setup.signIn(setup.scenario.users.acuteLead);
    expect((await createProject(acuteLead, { input: projectInput({ title }) })).title).toBe(title);
  });

  it('is refused to two people racing for one new title, as a field error, and only one project is made', async () => {
    const [first, second] = await Promise.all([setup.signIn(setup.scenario.users.hospiceLead), setup.signIn(setup.scenario.users.workforceLead)]);
    const input = projectInput();
    const results = await Promise.all([
      first.execute(CREATE_PROJECT, { input }),
      second.execute(CREATE_PROJECT, { input, organisationId: setup.scenario.organisations.hospice.id }),
    ]);
    const failed = results.filter((result) => result.errors);
    expect(results.length - failed.length).toBe(1);
    for (const result of failed) expect(failure(result)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'title'] }] });
    expect(await setup.database.prisma.project.count({ where: { title: input.title } })).toBe(1);
  });
});

describe('updateProject', () => {
  it('changes the text, moves the version on and records before and after', async () => {
    const lead = await setup.signIn(setup.scenario.users.acuteLead);
    const project = await createProject(lead);
    const input = projectInput({ title: 'Theatre lists review', purpose: 'Review theatre lists.', expectedBenefit: '' });
    const { updateProject } = await succeeds<{ updateProject: ProjectResult }>(lead, UPDATE_PROJECT, { id: project.id, version: 1, input });

    expect(updateProject).toMatchObject({ title: 'Theatre lists review', version: 2, status: 'DRAFT' });
    const events = await auditEventsOf(setup.database.prisma, project.id);
    expect(events.map(({ action }) => action)).toEqual(['project.create', 'project.update']);
    expect(events[1]).toMatchObject({ before: { title: project.title, version: 1 }, after: { title: 'Theatre lists review', version: 2 } });
  });

  it('refuses a stale version with STALE_VERSION and changes nothing', async () => {
    const lead = await setup.signIn(setup.scenario.users.acuteLead);
    const project = await createProject(lead);
    await succeeds(lead, UPDATE_PROJECT, { id: project.id, version: 1, input: projectInput() });

    const before = await writtenState(setup.database.prisma);
    const stale = failure(await lead.execute(UPDATE_PROJECT, { id: project.id, version: 1, input: projectInput() }));
    expect(stale.code).toBe('STALE_VERSION');
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });

  it("refuses another of the organisation's titles, and keeps the project's own title as it is", async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const project = await createProject(lead);
    const before = await writtenState(setup.database.prisma);
    const taken = failure(await lead.execute(UPDATE_PROJECT, { id: project.id, version: 1, input: projectInput({ title: setup.scenario.projects.hospiceDraft.title }) }));
    expect(taken).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'title'] }] });
    expect(await writtenState(setup.database.prisma)).toEqual(before);

    const same = await succeeds<{ updateProject: ProjectResult }>(lead, UPDATE_PROJECT, {
      id: project.id,
      version: 1,
      input: projectInput({ title: project.title, purpose: 'A clearer purpose.' }),
    });
    expect(same.updateProject).toMatchObject({ title: project.title, version: 2 });
  });
});

describe('cancelProject', () => {
  it('cancels the project and its open requests, withdraws their live allocations and audits each change', async () => {
    const { prisma } = setup.database;
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const project = await createProject(lead);
    const { createRequest: request } = await succeeds<{ createRequest: RequestResult }>(lead, CREATE_REQUEST, {
      projectId: project.id,
      input: requestInput(setup.scenario),
    });
    const allocation = await prisma.allocation.create({
      data: {
        icsId: setup.scenario.ics.id,
        analystId: setup.scenario.analysts.acuteAnalyst.id,
        requestId: request.id,
        fte: 0.3,
        startWeek: new Date(`${request.startWeek}T00:00:00Z`),
        endWeek: new Date(`${request.endWeek}T00:00:00Z`),
        status: 'ACCEPTED',
      },
    });

    const { cancelProject } = await succeeds<{ cancelProject: ProjectResult }>(lead, CANCEL_PROJECT, { id: project.id, version: 1 });
    expect(cancelProject).toMatchObject({ status: 'CANCELLED', version: 2, open: false });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(await prisma.allocation.findUniqueOrThrow({ where: { id: allocation.id } })).toMatchObject({ status: 'WITHDRAWN', version: 2 });
    expect((await auditEventsOf(prisma, project.id)).map(({ action }) => action)).toEqual(['project.create', 'project.cancel']);
    expect((await auditEventsOf(prisma, request.id)).map(({ action }) => action)).toEqual(['request.create', 'request.cancel']);
    expect(await auditEventsOf(prisma, allocation.id)).toMatchObject([
      { action: 'allocation.withdraw', before: { status: 'ACCEPTED' }, after: { status: 'WITHDRAWN' } },
    ]);

    const before = await writtenState(prisma);
    const again = failure(await lead.execute(CANCEL_PROJECT, { id: project.id, version: 2 }));
    expect(again.code).toBe('INVALID_TRANSITION');
    const edit = failure(await lead.execute(UPDATE_PROJECT, { id: project.id, version: 2, input: projectInput() }));
    expect(edit.code).toBe('INVALID_TRANSITION');
    const newRequest = failure(await lead.execute(CREATE_REQUEST, { projectId: project.id, input: requestInput(setup.scenario) }));
    expect(newRequest.code).toBe('INVALID_TRANSITION');
    expect(await writtenState(prisma)).toEqual(before);
  });

  it('never leaves an open request in a project cancelled at the same moment as the request was added', async () => {
    const [lead, workforceLead] = await Promise.all([setup.signIn(setup.scenario.users.hospiceLead), setup.signIn(setup.scenario.users.workforceLead)]);
    for (let round = 0; round < 8; round += 1) {
      const project = await createProject(lead);
      const [cancelled, created] = await Promise.all([
        workforceLead.execute(CANCEL_PROJECT, { id: project.id, version: 1 }),
        lead.execute(CREATE_REQUEST, { projectId: project.id, input: requestInput(setup.scenario) }),
      ]);
      expect(cancelled.errors, cancelled.text).toBeUndefined();
      if (created.errors) expect(failure(created).code).toBe('INVALID_TRANSITION');
      const requests = await setup.database.prisma.request.findMany({ where: { projectId: project.id }, select: { status: true } });
      expect(requests.map(({ status }) => status)).toEqual(created.errors ? [] : ['CANCELLED']);
    }
  });

  it('refuses a stale version and changes nothing', async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const project = await createProject(lead);
    await succeeds(lead, UPDATE_PROJECT, { id: project.id, version: 1, input: projectInput() });
    const before = await writtenState(setup.database.prisma);
    expect(failure(await lead.execute(CANCEL_PROJECT, { id: project.id, version: 1 })).code).toBe('STALE_VERSION');
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });
});

describe('the projects query', () => {
  it("filters to the viewer's own organisation with mine: true, drafts included", async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const { projects } = await succeeds<{ projects: { edges: { node: { organisation: { id: string }; status: string } }[] } }>(
      lead,
      'query { projects(first: 100, filter: { mine: true }) { edges { node { status organisation { id } } } } }',
      {},
    );
    const organisations = new Set(projects.edges.map(({ node }) => node.organisation.id));
    expect([...organisations]).toEqual([setup.scenario.organisations.hospice.id]);
    expect(projects.edges.some(({ node }) => node.status === 'DRAFT')).toBe(true);
    expect(projects.edges.length).toBe(
      await setup.database.prisma.project.count({ where: { organisationId: setup.scenario.organisations.hospice.id } }),
    );
  });
});
