import { describe, expect, it } from 'vitest';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import {
  CANCEL_PROJECT,
  CANCEL_REQUEST,
  CREATE_PROJECT,
  CREATE_REQUEST,
  projectInput,
  requestInput,
  SUBMIT_REQUEST,
  UPDATE_PROJECT,
  UPDATE_REQUEST,
  uniqueTitle,
  writtenState,
} from '../fixtures/project-operations.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

interface Target {
  icsId: string;
  organisationId: string;
  projectId: string;
  requestId: string;
}

/** A fresh DRAFT project with one DRAFT request, so every case starts from the same state. */
async function freshTarget(icsId: string, organisationId: string): Promise<Target> {
  const project = await setup.database.prisma.project.create({
    data: { icsId, organisationId, title: uniqueTitle('Target project'), purpose: 'A target.' },
  });
  const request = await setup.database.prisma.request.create({
    data: {
      icsId,
      projectId: project.id,
      title: 'Target request',
      fte: 0.2,
      startWeek: new Date('2027-01-04T00:00:00Z'),
      endWeek: new Date('2027-01-25T00:00:00Z'),
    },
  });
  return { icsId, organisationId, projectId: project.id, requestId: request.id };
}

const mutations: Record<string, { query: string; variables: (target: Target) => Record<string, unknown> }> = {
  createProject: { query: CREATE_PROJECT, variables: (target) => ({ organisationId: target.organisationId, input: projectInput() }) },
  updateProject: { query: UPDATE_PROJECT, variables: (target) => ({ id: target.projectId, version: 1, input: projectInput() }) },
  cancelProject: { query: CANCEL_PROJECT, variables: (target) => ({ id: target.projectId, version: 1 }) },
  createRequest: { query: CREATE_REQUEST, variables: (target) => ({ projectId: target.projectId, input: requestInput(setup.scenario) }) },
  updateRequest: { query: UPDATE_REQUEST, variables: (target) => ({ id: target.requestId, version: 1, input: requestInput(setup.scenario) }) },
  submitRequest: { query: SUBMIT_REQUEST, variables: (target) => ({ id: target.requestId, version: 1 }) },
  cancelRequest: { query: CANCEL_REQUEST, variables: (target) => ({ id: target.requestId, version: 1 }) },
};

type Actor = 'workforceLead' | 'hospiceLead' | 'acuteLead' | 'hospiceAnalyst';
type Owner = 'hospice' | 'acuteTrust';

const cases: [string, Actor, Owner, 'allowed' | 'FORBIDDEN'][] = Object.keys(mutations).flatMap((mutation) => [
  [mutation, 'workforceLead', 'hospice', 'allowed'],
  [mutation, 'workforceLead', 'acuteTrust', 'allowed'],
  [mutation, 'hospiceLead', 'hospice', 'allowed'],
  [mutation, 'hospiceLead', 'acuteTrust', 'FORBIDDEN'],
  [mutation, 'acuteLead', 'acuteTrust', 'allowed'],
  [mutation, 'acuteLead', 'hospice', 'FORBIDDEN'],
  [mutation, 'hospiceAnalyst', 'hospice', 'FORBIDDEN'],
  [mutation, 'hospiceAnalyst', 'acuteTrust', 'FORBIDDEN'],
]);

describe('who may change projects and requests', () => {
  it.each(cases)('%s by %s on a %s project: %s', async (mutation, actor, owner, expected) => {
    const target = await freshTarget(setup.scenario.ics.id, setup.scenario.organisations[owner].id);
    const client = await setup.signIn(setup.scenario.users[actor]);
    const { query, variables } = mutations[mutation]!;
    const before = await writtenState(setup.database.prisma);
    const response = await client.execute(query, variables(target));

    if (expected === 'allowed') {
      expect(response.errors, response.text).toBeUndefined();
      const after = await writtenState(setup.database.prisma);
      expect(after.auditEvents).toBeGreaterThan(before.auditEvents);
    } else {
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
      expect(await writtenState(setup.database.prisma)).toEqual(before);
    }
  });

  it.each(Object.keys(mutations).flatMap((mutation) => [
    [mutation, 'workforceLead', 'NOT_FOUND'],
    [mutation, 'hospiceLead', 'NOT_FOUND'],
    [mutation, 'hospiceAnalyst', 'FORBIDDEN'],
  ] as const))("%s by %s on another ICS's ids: %s", async (mutation, actor, expected) => {
    const target = await freshTarget(setup.scenario.otherIcs.ics.id, setup.scenario.otherIcs.organisation.id);
    const client = await setup.signIn(setup.scenario.users[actor]);
    const { query, variables } = mutations[mutation]!;
    const before = await writtenState(setup.database.prisma);
    const response = await client.execute(query, variables(target));
    expect(errorCodes(response)).toEqual([expected]);
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });

  it('refuses every mutation to someone signed out', async () => {
    const target = await freshTarget(setup.scenario.ics.id, setup.scenario.organisations.hospice.id);
    for (const { query, variables } of Object.values(mutations)) {
      expect(errorCodes(await new ApiClient(setup.app.yoga).execute(query, variables(target)))).toEqual(['UNAUTHENTICATED']);
    }
  });
});
