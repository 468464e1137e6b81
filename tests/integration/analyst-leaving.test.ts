import { describe, expect, it } from 'vitest';
import { anonymiseDueLeavers } from '../../api/src/services/privacy/retention.ts';
import { ApiClient, errorCodes, LOGIN, type GraphqlResponse } from '../fixtures/api-client.ts';
import { CONFIRM, MY_ACTIONS, PROPOSE, REVIEW_END, REVIEW_START } from '../fixtures/allocation-scenario.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { LAST_WORKING_WEEK, LEFT_ON, startLeavingScenarioApp } from '../fixtures/leaving-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';

const setup = useScenarioApp(startLeavingScenarioApp, ({ scenario: { users } }) => ({
  acuteLead: users.acuteLead,
  hospiceLead: users.hospiceLead,
  icbLead: users.icbLead,
  workforceLead: users.workforceLead,
  chloe: users.chloe,
}));

const RECORD_LEAVING = /* GraphQL */ `
  mutation ($input: RecordAnalystLeavingInput!) {
    recordAnalystLeaving(input: $input) { id status leftOn anonymisationDueOn canRecordLeaving version }
  }
`;

const LEAVING_PLAN = /* GraphQL */ `
  query ($id: ID!, $leftOn: Date!) {
    analyst(id: $id) {
      canRecordLeaving
      leavingPlan(leftOn: $leftOn) { anonymisationDueOn changes { outcome endWeek allocation { id } } }
    }
  }
`;

const chloeId = () => setup.scenario.analysts.chloe.id;
const chloeVersion = async () =>
  (await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: chloeId() }, select: { version: true } })).version;

async function recordLeaving(client: ApiClient, input: { leftOn: string; version?: number; analystId?: string }): Promise<GraphqlResponse> {
  return client.execute(RECORD_LEAVING, { input: { analystId: chloeId(), version: await chloeVersion(), ...input } });
}

async function allocation(id: string) {
  return setup.database.prisma.allocation.findUniqueOrThrow({ where: { id }, select: { status: true, endWeek: true, declineReason: true } });
}

const day = (date: Date) => date.toISOString().slice(0, 10);

describe('recording that an analyst has left: refused', () => {
  it.each([
    ['another organisation’s lead', 'icbLead', 'FORBIDDEN'],
    ['the analyst themself', 'chloe', 'FORBIDDEN'],
    ['a lead of a requesting organisation', 'hospiceLead', 'FORBIDDEN'],
  ] as const)('%s is refused and nothing changes', async (_who, client, code) => {
    const before = await databaseFingerprint(setup.database.prisma);
    expect(errorCodes(await recordLeaving(setup.clients[client], { leftOn: LEFT_ON }))).toEqual([code]);
    expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
  });

  it('a signed-out caller is refused', async () => {
    expect(errorCodes(await recordLeaving(new ApiClient(setup.app.yoga), { leftOn: LEFT_ON }))).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['a date more than 12 months ahead', { leftOn: '2027-11-24' }, 'VALIDATION_FAILED', 'Give a date no more than 12 months from today'],
    ['a date past the retention period', { leftOn: '2024-11-22' }, 'VALIDATION_FAILED', 'Give a date in the last 24 months'],
    ['a date in the last week of completed work', { leftOn: '2026-09-04' }, 'VALIDATION_FAILED', 'Give a date after the week of 2026-08-31'],
    ['a stale version', { leftOn: LEFT_ON, version: 0 }, 'STALE_VERSION', 'changed by someone else'],
    ['an unknown analyst', { leftOn: LEFT_ON, analystId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'Analyst not found'],
  ])('%s changes nothing', async (_case, input, code, message) => {
    const before = await databaseFingerprint(setup.database.prisma);
    const counts = await Promise.all([setup.database.prisma.auditEvent.count(), setup.database.prisma.allocation.count({ where: { status: 'WITHDRAWN' } })]);

    const result = await recordLeaving(setup.clients.acuteLead, input);

    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors![0]!.message).toContain(message);
    if (code === 'VALIDATION_FAILED') expect(result.errors![0]!.extensions!.fields!.map((field) => field.path)).toEqual([['input', 'leftOn']]);
    expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
    expect(await Promise.all([setup.database.prisma.auditEvent.count(), setup.database.prisma.allocation.count({ where: { status: 'WITHDRAWN' } })])).toEqual(counts);
  });

  it('a date that is not a calendar day is refused before anything runs', async () => {
    const result = await recordLeaving(setup.clients.acuteLead, { leftOn: '2026-02-30' });

    expect(result.data).toBeUndefined();
    expect(result.errors![0]!.message).toContain('Date must be a calendar day written YYYY-MM-DD');
    expect(await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: chloeId() }, select: { status: true } })).toEqual({ status: 'ACTIVE' });
  });
});

describe('what leaving will do, before it is recorded', () => {
  it('shows the home organisation lead which allocations end and which are withdrawn', async () => {
    const { leaving } = setup.scenario;
    const result = await setup.clients.acuteLead.execute(LEAVING_PLAN, { id: chloeId(), leftOn: LEFT_ON });

    expect(result.errors).toBeUndefined();
    expect(result.data!.analyst.canRecordLeaving).toBe(true);
    expect(result.data!.analyst.leavingPlan.anonymisationDueOn).toBe('2028-11-20');
    expect(result.data!.analyst.leavingPlan.changes).toEqual(
      expect.arrayContaining([
        { outcome: 'END', endWeek: LAST_WORKING_WEEK, allocation: { id: leaving.ongoing.id } },
        { outcome: 'WITHDRAW', endWeek: null, allocation: { id: leaving.upcoming.id } },
        { outcome: 'WITHDRAW', endWeek: null, allocation: { id: leaving.proposal.id } },
      ]),
    );
    expect(result.data!.analyst.leavingPlan.changes).toHaveLength(3);
  });

  it('is not shown to another organisation’s lead', async () => {
    const result = await setup.clients.icbLead.execute(LEAVING_PLAN, { id: chloeId(), leftOn: LEFT_ON });

    expect(result.errors).toBeUndefined();
    expect(result.data!.analyst).toEqual({ canRecordLeaving: false, leavingPlan: null });
  });
});

describe('recording that an analyst has left', () => {
  it('ends or withdraws her allocations, frees the time and cover they held, and ends her access', async () => {
    const { prisma } = setup.database;
    const { leaving, requests, analysts, users } = setup.scenario;
    const devProposal = { analystId: analysts.dev.id, requestId: requests.mortalityReview.id, fte: 0.4, startWeek: REVIEW_START, endWeek: REVIEW_END };
    // Before: Dev's placement under Chloe holds 0.1 of his 0.4 FTE, and Chloe covers the whole mortality review.
    expect(errorCodes(await setup.clients.workforceLead.execute(PROPOSE, { input: devProposal }))).toEqual(['ANALYST_OVER_CAPACITY']);

    const result = await recordLeaving(setup.clients.acuteLead, { leftOn: LEFT_ON });

    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAnalystLeaving).toMatchObject({ status: 'LEFT', leftOn: LEFT_ON, anonymisationDueOn: '2028-11-20', canRecordLeaving: false });
    expect(await allocation(leaving.ongoing.id)).toMatchObject({ status: 'COMPLETED', endWeek: new Date(`${LAST_WORKING_WEEK}T00:00:00Z`) });
    expect(await allocation(leaving.mentee.id)).toMatchObject({ status: 'COMPLETED', endWeek: new Date(`${LAST_WORKING_WEEK}T00:00:00Z`) });
    expect(await allocation(leaving.upcoming.id)).toMatchObject({ status: 'WITHDRAWN', declineReason: 'The analyst has left the pool.' });
    expect(await allocation(leaving.proposal.id)).toMatchObject({ status: 'WITHDRAWN' });
    expect(await allocation(leaving.completed.id)).toMatchObject({ status: 'COMPLETED', endWeek: new Date('2026-08-31T00:00:00Z') });

    // The requests need cover again: the rest of the readmissions dashboard, all of the mortality review.
    const statuses = await prisma.request.findMany({
      where: { id: { in: [requests.readmissions.id, requests.mortalityReview.id, requests.sepsisAudit.id] } },
      select: { title: true, status: true },
      orderBy: { title: 'asc' },
    });
    expect(statuses).toEqual([
      { title: 'Mortality review', status: 'SUBMITTED' },
      { title: 'Readmissions dashboard', status: 'PARTIALLY_MATCHED' },
      { title: 'Sepsis audit', status: 'COMPLETED' },
    ]);
    // Dev's time is free, and the mortality review takes someone else.
    const proposed = await setup.clients.workforceLead.execute(PROPOSE, { input: devProposal });
    expect(proposed.errors).toBeUndefined();

    // The requesting lead is asked for feedback on the work Chloe did.
    const actions = await setup.clients.hospiceLead.execute(MY_ACTIONS, { first: 20 });
    expect(actions.data!.myActions.items).toContainEqual(
      expect.objectContaining({ kind: 'GIVE_FEEDBACK', text: 'Give feedback on Chloe Adeyemi\'s work on “Readmissions dashboard”.' }),
    );

    // Her session is dead, she cannot sign in again, and her calendar link no longer works.
    expect(errorCodes(await setup.clients.chloe.execute('{ analysts { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    expect(await prisma.session.count({ where: { userId: users.chloe.id } })).toBe(0);
    const signIn = await new ApiClient(setup.app.yoga).execute(LOGIN, { email: users.chloe.email, password: SCENARIO_PASSWORD });
    expect(errorCodes(signIn)).toEqual(['INVALID_CREDENTIALS']);
    expect(await prisma.analyst.findUniqueOrThrow({ where: { id: chloeId() }, select: { calendarSecretHash: true } })).toEqual({ calendarSecretHash: null });

    // The directory and matching leave her out.
    const directory = await setup.clients.workforceLead.execute('{ analysts(first: 100) { edges { node { id } } } }');
    expect(directory.data!.analysts.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(chloeId());
    const candidates = await setup.clients.workforceLead.execute('query ($id: ID!) { candidates(requestId: $id) { analyst { id } } }', { id: requests.fallsAudit.id });
    expect(candidates.errors).toBeUndefined();
    const candidateIds = candidates.data!.candidates.map((candidate: { analyst: { id: string } }) => candidate.analyst.id);
    expect(candidateIds).toContain(analysts.dev.id);
    expect(candidateIds).not.toContain(chloeId());

    const [event] = await prisma.auditEvent.findMany({ where: { action: 'analyst.leave', entityId: chloeId() } });
    expect(event).toMatchObject({
      actorId: users.acuteLead.id,
      before: { status: 'ACTIVE', leftAt: null, calendarFeed: true, signInDisabled: false },
      after: {
        status: 'LEFT',
        leftAt: LEFT_ON,
        calendarFeed: false,
        signInDisabled: true,
        endedAllocationIds: [leaving.ongoing.id],
        withdrawnAllocationIds: [leaving.upcoming.id, leaving.proposal.id],
      },
    });
  });

  it('cannot be recorded twice: INVALID_TRANSITION, and nothing changes', async () => {
    const before = await databaseFingerprint(setup.database.prisma);

    const again = await recordLeaving(setup.clients.workforceLead, { leftOn: '2026-11-23' });

    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    expect(again.errors![0]!.message).toBe(`Chloe Adeyemi is already recorded as having left on ${LEFT_ON}.`);
    expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
  });

  it('a proposal a matching run worked out before she left cannot be confirmed', async () => {
    const { ics, requests } = setup.scenario;
    const stale = await setup.database.prisma.allocation.create({
      data: { icsId: ics.id, analystId: chloeId(), requestId: requests.fallsAudit.id, fte: 0.1, startWeek: new Date('2027-01-04'), endWeek: new Date('2027-03-01') },
    });

    const result = await setup.clients.workforceLead.execute(CONFIRM, { input: { ids: [stale.id] } });

    expect(errorCodes(result)).toEqual(['INVALID_TRANSITION']);
    expect(result.errors![0]!.message).toBe('Chloe Adeyemi has left the pool; withdraw this proposal.');
    expect(await allocation(stale.id)).toMatchObject({ status: 'PROPOSED' });
  });

  it('the retention pass anonymises her once the retention period has passed, not before', async () => {
    const { prisma } = setup.database;
    const monthsAfterLeaving = 24;

    expect(await anonymiseDueLeavers(prisma, { monthsAfterLeaving, now: new Date('2028-11-19T23:00:00Z') })).toEqual({ anonymised: [] });
    const run = await anonymiseDueLeavers(prisma, { monthsAfterLeaving, now: new Date('2028-11-20T01:00:00Z') });

    expect(run.anonymised).toEqual([chloeId()]);
    const chloe = await prisma.analyst.findUniqueOrThrow({ where: { id: chloeId() }, select: { name: true, anonymisedAt: true } });
    expect(chloe.name).toMatch(/^Former analyst /);
    expect(day(chloe.anonymisedAt!)).toBe('2028-11-20');
    const profile = await setup.clients.workforceLead.execute('query ($id: ID!) { analyst(id: $id) { status leftOn anonymisationDueOn } }', { id: chloeId() });
    expect(profile.data!.analyst).toEqual({ status: 'LEFT', leftOn: LEFT_ON, anonymisationDueOn: null });
  });
});
