import { describe, expect, it } from 'vitest';
import { holdsCapacity } from '../../api/src/domain/capacity.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import {
  auditEventsOf,
  CANCEL_REQUEST,
  CREATE_PROJECT,
  CREATE_REQUEST,
  failure,
  projectInput,
  requestInput,
  SUBMIT_REQUEST,
  succeeds,
  UPDATE_REQUEST,
  writtenState,
  type ProjectResult,
  type RequestResult,
} from '../fixtures/project-operations.ts';
import { TEST_TODAY } from '../support/test-clock.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

/** A fresh DRAFT project of the hospice with one DRAFT request, made by the hospice lead. */
async function draftRequest(overrides: Record<string, unknown> = {}) {
  const lead = await setup.signIn(setup.scenario.users.hospiceLead);
  const { createProject: project } = await succeeds<{ createProject: ProjectResult }>(lead, CREATE_PROJECT, { input: projectInput() });
  const { createRequest: request } = await succeeds<{ createRequest: RequestResult }>(lead, CREATE_REQUEST, {
    projectId: project.id,
    input: requestInput(setup.scenario, overrides),
  });
  return { lead, project, request };
}

function allocate(requestId: string, status: 'PROPOSED' | 'ACCEPTED' | 'DECLINED', confirmed = true) {
  return setup.database.prisma.allocation.create({
    data: {
      icsId: setup.scenario.ics.id,
      analystId: setup.scenario.analysts.hospiceAnalyst.id,
      requestId,
      fte: 0.2,
      startWeek: new Date('2027-01-04T00:00:00Z'),
      endWeek: new Date('2027-02-22T00:00:00Z'),
      status,
      confirmedAt: confirmed ? TEST_TODAY : null,
    },
  });
}

describe('createRequest', () => {
  it('makes a DRAFT request with its skills, weeks moved to their Mondays, and an audit event', async () => {
    const { request } = await draftRequest({ startWeek: '2027-01-06', endWeek: '2027-02-28' });

    expect(request).toMatchObject({
      status: 'DRAFT',
      version: 1,
      fte: 0.3,
      startWeek: '2027-01-04',
      endWeek: '2027-02-22',
      submittedAt: null,
      editable: true,
      cancellable: true,
      requiredSkills: [{ minLevel: 3, skill: { id: setup.scenario.skills.sql.id } }],
      desiredSkills: [{ minLevel: 2, skill: { id: setup.scenario.skills.dashboards.id } }],
      allocations: [],
    });
    expect(await auditEventsOf(setup.database.prisma, request.id)).toMatchObject([
      {
        action: 'request.create',
        entityType: 'Request',
        before: null,
        after: { status: 'DRAFT', fte: 0.3, startWeek: '2027-01-04', skills: expect.arrayContaining([expect.objectContaining({ kind: 'REQUIRED', minLevel: 3 })]) },
      },
    ]);
    // The lead's own draft shows on the project; the request is not yet demand the pool sees.
    const other = await setup.signIn(setup.scenario.users.acuteLead);
    const seen = await succeeds<{ request: unknown }>(other, 'query ($id: ID!) { request(id: $id) { id } }', { id: request.id });
    expect(seen.request).toBeNull();
  });
});

describe('updateRequest', () => {
  it('replaces every field, skills included, moves the version on and audits before and after', async () => {
    const { lead, request } = await draftRequest();
    const input = requestInput(setup.scenario, {
      title: 'Waiting list model, phase one',
      requiredSkills: [{ skillId: setup.scenario.skills.statistics.id, level: 4 }],
      desiredSkills: [],
      fte: 0.5,
      startWeek: '2027-03-03',
      endWeek: '2027-03-31',
      priority: 'LOW',
      openToDevelopment: false,
    });
    const { updateRequest } = await succeeds<{ updateRequest: RequestResult }>(lead, UPDATE_REQUEST, { id: request.id, version: 1, input });

    expect(updateRequest).toMatchObject({
      title: 'Waiting list model, phase one',
      version: 2,
      fte: 0.5,
      startWeek: '2027-03-01',
      endWeek: '2027-03-29',
      requiredSkills: [{ minLevel: 4, skill: { id: setup.scenario.skills.statistics.id } }],
      desiredSkills: [],
    });
    const events = await auditEventsOf(setup.database.prisma, request.id);
    expect(events.map(({ action }) => action)).toEqual(['request.create', 'request.update']);
    expect(events[1]).toMatchObject({ before: { version: 1, fte: 0.3 }, after: { version: 2, fte: 0.5, priority: 'LOW' } });
  });

  it('is allowed on a SUBMITTED request until an analyst is proposed for it, then refused with INVALID_TRANSITION', async () => {
    const { lead, request } = await draftRequest();
    await succeeds(lead, SUBMIT_REQUEST, { id: request.id, version: 1 });
    const { updateRequest } = await succeeds<{ updateRequest: RequestResult }>(lead, UPDATE_REQUEST, {
      id: request.id,
      version: 2,
      input: requestInput(setup.scenario, { fte: 0.4 }),
    });
    expect(updateRequest).toMatchObject({ status: 'SUBMITTED', version: 3, fte: 0.4, editable: true });

    await allocate(request.id, 'PROPOSED', false);
    const before = await writtenState(setup.database.prisma);
    const refused = failure(await lead.execute(UPDATE_REQUEST, { id: request.id, version: 3, input: requestInput(setup.scenario) }));
    expect(refused.code).toBe('INVALID_TRANSITION');
    expect(refused.message).toMatch(/already been proposed/);
    expect(await writtenState(setup.database.prisma)).toEqual(before);
    const { request: now } = await succeeds<{ request: RequestResult }>(lead, 'query ($id: ID!) { request(id: $id) { editable cancellable } }', { id: request.id });
    expect(now).toEqual({ editable: false, cancellable: true });
  });

  it('lets exactly one of ten simultaneous edits of the same version through; the others get STALE_VERSION', async () => {
    const { lead, request } = await draftRequest();
    const workforceLead = await setup.signIn(setup.scenario.users.workforceLead);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? lead : workforceLead).execute(UPDATE_REQUEST, {
          id: request.id,
          version: 1,
          input: requestInput(setup.scenario, { title: request.title, fte: (index + 1) / 10 }),
        }),
      ),
    );
    const codes = results.map((result) => (result.errors ? failure(result).code : 'OK'));
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'STALE_VERSION')).toHaveLength(9);
    const stored = await setup.database.prisma.request.findUniqueOrThrow({ where: { id: request.id }, include: { skills: true } });
    expect(stored.version).toBe(2);
    expect(stored.skills).toHaveLength(2);
    expect((await auditEventsOf(setup.database.prisma, request.id)).map(({ action }) => action)).toEqual(['request.create', 'request.update']);
  });

  it('refuses a stale version with STALE_VERSION and changes nothing', async () => {
    const { lead, request } = await draftRequest();
    await succeeds(lead, UPDATE_REQUEST, { id: request.id, version: 1, input: requestInput(setup.scenario) });
    const before = await writtenState(setup.database.prisma);
    const stale = failure(await lead.execute(UPDATE_REQUEST, { id: request.id, version: 1, input: requestInput(setup.scenario) }));
    expect(stale.code).toBe('STALE_VERSION');
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });
});

describe('submitRequest', () => {
  it('submits a draft, sets submittedAt, activates the DRAFT project, and the workforce lead and other partners then see it', async () => {
    const { lead, project, request } = await draftRequest();
    const { submitRequest } = await succeeds<{ submitRequest: RequestResult }>(lead, SUBMIT_REQUEST, { id: request.id, version: 1 });

    expect(submitRequest).toMatchObject({ status: 'SUBMITTED', version: 2, submittedAt: TEST_TODAY.toISOString(), project: { status: 'ACTIVE' } });
    expect((await auditEventsOf(setup.database.prisma, request.id)).map(({ action }) => action)).toEqual(['request.create', 'request.submit']);
    expect(await auditEventsOf(setup.database.prisma, project.id)).toMatchObject([
      { action: 'project.create' },
      { action: 'project.activate', before: { status: 'DRAFT' }, after: { status: 'ACTIVE' } },
    ]);

    const submitted = 'query { requests(first: 100, filter: { status: SUBMITTED }) { edges { node { id } } } }';
    for (const viewer of [setup.scenario.users.workforceLead, setup.scenario.users.acuteLead]) {
      const { requests } = await succeeds<{ requests: { edges: { node: { id: string } }[] } }>(await setup.signIn(viewer), submitted, {});
      expect(requests.edges.map(({ node }) => node.id)).toContain(request.id);
    }
  });

  it('refuses a request that is not a draft, a stale version and a start week that has passed, changing nothing', async () => {
    const { prisma } = setup.database;
    const { lead, request } = await draftRequest();
    await succeeds(lead, SUBMIT_REQUEST, { id: request.id, version: 1 });
    const before = await writtenState(prisma);
    expect(failure(await lead.execute(SUBMIT_REQUEST, { id: request.id, version: 2 })).code).toBe('INVALID_TRANSITION');

    const { request: other } = await draftRequest();
    await succeeds(lead, UPDATE_REQUEST, { id: other.id, version: 1, input: requestInput(setup.scenario) });
    expect(failure(await lead.execute(SUBMIT_REQUEST, { id: other.id, version: 1 })).code).toBe('STALE_VERSION');

    // A draft left until its start week has passed.
    await prisma.request.update({ where: { id: other.id }, data: { startWeek: new Date('2026-11-16T00:00:00Z') } });
    const afterSetup = await writtenState(prisma);
    const late = failure(await lead.execute(SUBMIT_REQUEST, { id: other.id, version: 2 }));
    expect(late).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: ['startWeek'], message: 'The start week must be this week or later' }] });
    expect(await writtenState(prisma)).toEqual(afterSetup);
    expect(before.auditEvents).toBeLessThan(afterSetup.auditEvents);
  });
});

describe('cancelRequest', () => {
  it('cancels the request and withdraws its allocations that are not final, freeing the analyst’s time', async () => {
    const { prisma } = setup.database;
    const { lead, request } = await draftRequest();
    await succeeds(lead, SUBMIT_REQUEST, { id: request.id, version: 1 });
    const confirmed = await allocate(request.id, 'PROPOSED');
    const accepted = await allocate(request.id, 'ACCEPTED');
    const declined = await allocate(request.id, 'DECLINED');
    const holding = { analystId: setup.scenario.analysts.hospiceAnalyst.id, requestId: request.id, ...holdsCapacity };
    expect(await prisma.allocation.count({ where: holding })).toBe(2);

    const { cancelRequest } = await succeeds<{ cancelRequest: RequestResult }>(lead, CANCEL_REQUEST, { id: request.id, version: 2 });
    expect(cancelRequest).toMatchObject({ status: 'CANCELLED', version: 3, editable: false, cancellable: false });
    expect(await prisma.allocation.count({ where: holding })).toBe(0);
    const statuses = await prisma.allocation.findMany({ where: { requestId: request.id }, orderBy: { id: 'asc' }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map(({ id, status }) => [id, status]))).toEqual({
      [confirmed.id]: 'WITHDRAWN',
      [accepted.id]: 'WITHDRAWN',
      [declined.id]: 'DECLINED',
    });
    expect((await auditEventsOf(prisma, request.id)).map(({ action }) => action)).toEqual(['request.create', 'request.submit', 'request.cancel']);
    for (const allocation of [confirmed, accepted]) {
      expect((await auditEventsOf(prisma, allocation.id)).map(({ action }) => action)).toEqual(['allocation.withdraw']);
    }
    expect(await auditEventsOf(prisma, declined.id)).toEqual([]);

    const before = await writtenState(prisma);
    expect(failure(await lead.execute(CANCEL_REQUEST, { id: request.id, version: 3 })).code).toBe('INVALID_TRANSITION');
    expect(failure(await lead.execute(UPDATE_REQUEST, { id: request.id, version: 3, input: requestInput(setup.scenario) })).code).toBe('INVALID_TRANSITION');
    expect(await writtenState(prisma)).toEqual(before);
  });

  it('refuses a stale version and leaves the request and its allocations as they were', async () => {
    const { lead, request } = await draftRequest();
    await allocate(request.id, 'ACCEPTED');
    const before = await writtenState(setup.database.prisma);
    expect(failure(await lead.execute(CANCEL_REQUEST, { id: request.id, version: request.version + 1 })).code).toBe('STALE_VERSION');
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });
});
