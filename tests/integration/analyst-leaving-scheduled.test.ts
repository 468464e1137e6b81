import { describe, expect, it, vi } from 'vitest';
import { completeDueLeavings } from '../../api/src/services/analysts/complete-leavings.ts';
import { loadMatchingInput } from '../../api/src/services/matching/load-input.ts';
import { startAllocationScheduler } from '../../api/src/services/scheduler.ts';
import { ApiClient, errorCodes, LOGIN, type GraphqlResponse } from '../fixtures/api-client.ts';
import { PROPOSE, week } from '../fixtures/allocation-scenario.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { CHLOE_CALENDAR_SECRET, startLeavingScenarioApp } from '../fixtures/leaving-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';

// Chloe (today is Monday 2026-11-23) is leaving on Friday 2027-01-01: she works until the week of 2026-12-21.
const LEAVING_ON = '2027-01-01';
const LAST_WORKING_WEEK = '2026-12-21';
const LEAVING_WEEK = '2026-12-28';

const setup = useScenarioApp(startLeavingScenarioApp, ({ scenario: { users } }) => ({
  acuteLead: users.acuteLead,
  icbLead: users.icbLead,
  workforceLead: users.workforceLead,
  chloe: users.chloe,
}));

const LEAVING_FIELDS = 'id status leftOn anonymisationDueOn canRecordLeaving canCancelLeaving version';

const RECORD_LEAVING = /* GraphQL */ `
  mutation ($input: RecordAnalystLeavingInput!) { recordAnalystLeaving(input: $input) { ${LEAVING_FIELDS} } }
`;

const CANCEL_LEAVING = /* GraphQL */ `
  mutation ($input: CancelAnalystLeavingInput!) {
    cancelAnalystLeaving(input: $input) { ${LEAVING_FIELDS} recordedLeavingChanges { outcome endWeek allocation { id status } } }
  }
`;

const RUN_MATCHING = /* GraphQL */ `
  mutation ($input: RunMatchingInput!) {
    runMatching(input: $input) { id status error proposals(first: 100) { edges { node { startWeek endWeek analyst { id } request { id } } } } }
  }
`;

const chloeId = () => setup.scenario.analysts.chloe.id;
const prisma = () => setup.database.prisma;
const chloeRow = () =>
  prisma().analyst.findUniqueOrThrow({ where: { id: chloeId() }, select: { status: true, leftAt: true, version: true, calendarSecretHash: true } });

async function recordLeaving(leftOn: string): Promise<GraphqlResponse> {
  return setup.clients.acuteLead.execute(RECORD_LEAVING, { input: { analystId: chloeId(), leftOn, version: (await chloeRow()).version } });
}

async function cancelLeaving(lead: ApiClient = setup.clients.acuteLead): Promise<GraphqlResponse> {
  return lead.execute(CANCEL_LEAVING, { input: { analystId: chloeId(), version: (await chloeRow()).version } });
}

/** Moves the app's clock; sessions from before are then past their idle limit, so the acute trust's lead signs in again. */
async function moveClockTo(now: string): Promise<ApiClient> {
  setup.clock.now = new Date(now);
  return setup.signIn(setup.scenario.users.acuteLead);
}

const allocation = (id: string) => prisma().allocation.findUniqueOrThrow({ where: { id }, select: { status: true, endWeek: true } });
const calendarStatus = async () => (await setup.app.yoga.fetch(`http://localhost/calendar/${CHLOE_CALENDAR_SECRET}.ics`)).status;

/** Chloe's weekly capacity (tenths of an FTE) as matching sees it, from the week of 2026-11-23 to that of 2027-03-29. */
async function matchingCapacity(): Promise<number[]> {
  const window = { startWeek: week('2026-11-23'), endWeek: week('2027-03-29') };
  const { input } = await loadMatchingInput(prisma(), { icsId: setup.scenario.ics.id, window, requests: { open: true } });
  return input.analysts.find((analyst) => analyst.id === chloeId())!.capacity;
}

/** Index of the week of `monday` in matchingCapacity's window. */
const weekIndex = (monday: string) => (week(monday).getTime() - week('2026-11-23').getTime()) / (7 * 86_400_000);

async function expectRefusedUnchanged(result: Promise<GraphqlResponse>, code: string, message: string) {
  const before = await databaseFingerprint(prisma());
  const response = await result;
  expect(errorCodes(response)).toEqual([code]);
  expect(response.errors![0]!.message).toContain(message);
  expect(await databaseFingerprint(prisma())).toBe(before);
}

describe('a leaving day ahead: refused input changes nothing', () => {
  it('refuses a day more than 12 months ahead', async () => {
    await expectRefusedUnchanged(recordLeaving('2027-11-24'), 'VALIDATION_FAILED', 'Give a date no more than 12 months from today.');
  });

  it('refuses to cancel a leaving that was never recorded', async () => {
    await expectRefusedUnchanged(cancelLeaving(), 'INVALID_TRANSITION', 'No leaving is recorded for Chloe Adeyemi.');
  });

  it('refuses another organisation’s lead the cancelling', async () => {
    const before = await databaseFingerprint(prisma());
    expect(errorCodes(await cancelLeaving(setup.clients.icbLead))).toEqual(['FORBIDDEN']);
    expect(await databaseFingerprint(prisma())).toBe(before);
  });
});

describe('recording a leaving day ahead', () => {
  it('changes planning at once: later work withdrawn, running work ends the week before, requests need cover', async () => {
    const { leaving, requests, users } = setup.scenario;

    const result = await recordLeaving(LEAVING_ON);

    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAnalystLeaving).toMatchObject({
      status: 'ACTIVE',
      leftOn: LEAVING_ON,
      anonymisationDueOn: '2029-01-01',
      canRecordLeaving: false,
      canCancelLeaving: true,
    });
    const lastWeek = week(LAST_WORKING_WEEK);
    expect(await allocation(leaving.ongoing.id)).toEqual({ status: 'ACTIVE', endWeek: lastWeek });
    expect(await allocation(leaving.mentee.id)).toEqual({ status: 'ACTIVE', endWeek: lastWeek });
    expect(await allocation(leaving.upcoming.id)).toEqual({ status: 'ACCEPTED', endWeek: lastWeek });
    expect(await allocation(leaving.proposal.id)).toMatchObject({ status: 'WITHDRAWN' });
    const statuses = await prisma().request.findMany({
      where: { id: { in: [requests.readmissions.id, requests.mortalityReview.id, requests.fallsAudit.id] } },
      select: { title: true, status: true },
      orderBy: { title: 'asc' },
    });
    expect(statuses).toEqual([
      { title: 'Falls audit', status: 'SUBMITTED' },
      { title: 'Mortality review', status: 'PARTIALLY_MATCHED' },
      // Chloe works on it until her last week; it needs cover again once that work completes.
      { title: 'Readmissions dashboard', status: 'ACTIVE' },
    ]);
    const events = await prisma().auditEvent.findMany({ where: { action: 'analyst.leave', entityId: chloeId() } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: users.acuteLead.id,
      before: { status: 'ACTIVE', leftAt: null, calendarFeed: true, signInDisabled: false },
      after: {
        status: 'ACTIVE',
        leftAt: LEAVING_ON,
        calendarFeed: true,
        signInDisabled: false,
        endedAllocationIds: [leaving.ongoing.id, leaving.upcoming.id],
        withdrawnAllocationIds: [leaving.proposal.id],
      },
    });
  });

  it('leaves her account working until the day', async () => {
    expect((await setup.clients.chloe.execute('{ analysts { totalCount } }')).errors).toBeUndefined();
    expect((await setup.signIn(setup.scenario.users.chloe)).cookieHeader()).not.toBe('');
    expect(await calendarStatus()).toBe(200);
  });

  it('shows "leaving on" to her, her organisation lead and workforce leads only', async () => {
    const query = 'query ($id: ID!) { analyst(id: $id) { status leftOn canCancelLeaving } }';
    const seen = async (client: ApiClient) => (await client.execute(query, { id: chloeId() })).data!.analyst;
    expect(await seen(setup.clients.acuteLead)).toEqual({ status: 'ACTIVE', leftOn: LEAVING_ON, canCancelLeaving: true });
    expect(await seen(setup.clients.workforceLead)).toEqual({ status: 'ACTIVE', leftOn: LEAVING_ON, canCancelLeaving: true });
    expect(await seen(setup.clients.chloe)).toEqual({ status: 'ACTIVE', leftOn: LEAVING_ON, canCancelLeaving: false });
    expect(await seen(setup.clients.icbLead)).toEqual({ status: 'ACTIVE', leftOn: null, canCancelLeaving: false });
  });

  it('gives matching none of her time from the leaving week on', async () => {
    const capacity = await matchingCapacity();
    // Before: 0.5 pooled less 0.2 on the readmissions dashboard; then the mortality review takes the rest.
    expect(capacity[weekIndex('2026-11-23')]).toBe(3);
    expect(capacity.slice(weekIndex(LEAVING_WEEK)).every((tenths) => tenths === 0)).toBe(true);

    const run = await setup.clients.workforceLead.execute(RUN_MATCHING, { input: { windowStart: LEAVING_WEEK, windowEnd: '2027-03-29' } });
    expect(run.errors).toBeUndefined();
    expect(run.data!.runMatching.status).toBe('SUCCEEDED');
    const proposals = run.data!.runMatching.proposals.edges.map((edge: { node: { analyst: { id: string } } }) => edge.node);
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.filter((proposal: { analyst: { id: string } }) => proposal.analyst.id === chloeId())).toEqual([]);

    const byHand = await setup.clients.workforceLead.execute(PROPOSE, {
      input: { analystId: chloeId(), requestId: setup.scenario.requests.fallsAudit.id, fte: 0.1, startWeek: '2027-01-04', endWeek: '2027-03-01' },
    });
    expect(errorCodes(byHand)).toEqual(['ANALYST_OVER_CAPACITY']);
    expect(byHand.errors![0]!.message).toContain('weeks of 2027-01-04 to 2027-03-01: 0 FTE left, 0.1 FTE asked');
  });
});

describe('cancelling a leaving before its day', () => {
  it('clears the date and lists, not restores, what the leaving ended or withdrew', async () => {
    const { leaving, users } = setup.scenario;

    const result = await cancelLeaving();

    expect(result.errors).toBeUndefined();
    expect(result.data!.cancelAnalystLeaving).toMatchObject({ status: 'ACTIVE', leftOn: null, anonymisationDueOn: null, canRecordLeaving: true, canCancelLeaving: false });
    expect(result.data!.cancelAnalystLeaving.recordedLeavingChanges).toEqual([
      { outcome: 'END', endWeek: LAST_WORKING_WEEK, allocation: { id: leaving.ongoing.id, status: 'ACTIVE' } },
      { outcome: 'END', endWeek: LAST_WORKING_WEEK, allocation: { id: leaving.upcoming.id, status: 'ACCEPTED' } },
      { outcome: 'WITHDRAW', endWeek: null, allocation: { id: leaving.proposal.id, status: 'WITHDRAWN' } },
    ]);
    expect(await allocation(leaving.proposal.id)).toMatchObject({ status: 'WITHDRAWN' });
    expect(await allocation(leaving.ongoing.id)).toEqual({ status: 'ACTIVE', endWeek: week(LAST_WORKING_WEEK) });
    expect(await chloeRow()).toMatchObject({ status: 'ACTIVE', leftAt: null });
    // Her time after the old leaving day is matched again.
    expect((await matchingCapacity())[weekIndex('2027-01-04')]).toBe(5);

    const [event] = await prisma().auditEvent.findMany({ where: { action: 'analyst.cancelLeaving', entityId: chloeId() } });
    expect(event).toMatchObject({
      actorId: users.acuteLead.id,
      before: { leftAt: LEAVING_ON },
      after: { leftAt: null, notRestored: { endedAllocationIds: [leaving.ongoing.id, leaving.upcoming.id], withdrawnAllocationIds: [leaving.proposal.id] } },
    });
  });

  it('cannot be cancelled twice', async () => {
    await expectRefusedUnchanged(cancelLeaving(), 'INVALID_TRANSITION', 'No leaving is recorded for Chloe Adeyemi.');
  });
});

describe('the leaving day', () => {
  it('is recorded again; nothing runs past it any more, so nothing else changes', async () => {
    const result = await recordLeaving(LEAVING_ON);

    expect(result.errors).toBeUndefined();
    const [event] = await prisma().auditEvent.findMany({ where: { action: 'analyst.leave', entityId: chloeId() }, orderBy: { createdAt: 'desc' }, take: 1 });
    expect(event!.after).toMatchObject({ endedAllocationIds: [], withdrawnAllocationIds: [] });
  });

  it('the evening before, she still signs in and the job does nothing', async () => {
    setup.clock.now = new Date('2026-12-31T23:30:00Z');
    const chloe = await setup.signIn(setup.scenario.users.chloe);
    expect((await chloe.execute('{ analysts { totalCount } }')).errors).toBeUndefined();

    const before = await databaseFingerprint(prisma());
    expect(await completeDueLeavings(prisma(), setup.clock.now)).toEqual({ left: [] });
    expect(await databaseFingerprint(prisma())).toBe(before);
  });

  it('once it has come, the leaving cannot be cancelled, even before the job has run', async () => {
    const lead = await moveClockTo(`${LEAVING_ON}T00:30:00Z`);
    await expectRefusedUnchanged(cancelLeaving(lead), 'LEAVING_DATE_PASSED', 'Chloe Adeyemi left on 2027-01-01: a leaving can be cancelled only before its day.');
  });

  it('the hourly job makes her LEFT: signed out for good, calendar link dead; a second run changes nothing', async () => {
    const { users } = setup.scenario;
    const stop = startAllocationScheduler(prisma(), { now: () => setup.clock.now, intervalMs: 60 * 60 * 1000 });
    try {
      await vi.waitFor(async () => expect((await chloeRow()).status).toBe('LEFT'), { timeout: 10_000 });
    } finally {
      stop();
    }

    expect(await chloeRow()).toMatchObject({ status: 'LEFT', leftAt: week(LEAVING_ON), calendarSecretHash: null });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: users.chloe.id }, select: { disabled: true } })).toEqual({ disabled: true });
    expect(await prisma().session.count({ where: { userId: users.chloe.id } })).toBe(0);
    expect(errorCodes(await setup.clients.chloe.execute('{ analysts { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    const signIn = await new ApiClient(setup.app.yoga).execute(LOGIN, { email: users.chloe.email, password: SCENARIO_PASSWORD });
    expect(errorCodes(signIn)).toEqual(['INVALID_CREDENTIALS']);
    expect(await calendarStatus()).toBe(404);
    // The same hourly pass completed her last work: the readmissions dashboard needs cover again.
    expect(await prisma().allocation.findUniqueOrThrow({ where: { id: setup.scenario.leaving.ongoing.id }, select: { status: true } })).toEqual({ status: 'COMPLETED' });
    expect(await prisma().request.findUniqueOrThrow({ where: { id: setup.scenario.requests.readmissions.id }, select: { status: true } })).toEqual({
      status: 'PARTIALLY_MATCHED',
    });
    const [event] = await prisma().auditEvent.findMany({ where: { action: 'analyst.left', entityId: chloeId() } });
    expect(event).toMatchObject({
      actorId: null,
      before: { status: 'ACTIVE', calendarFeed: true, signInDisabled: false },
      after: { status: 'LEFT', leftAt: LEAVING_ON, calendarFeed: false, signInDisabled: true },
    });

    const before = await databaseFingerprint(prisma());
    expect(await completeDueLeavings(prisma(), setup.clock.now)).toEqual({ left: [] });
    expect(await databaseFingerprint(prisma())).toBe(before);
  });

  it('after it, cancelling answers LEAVING_DATE_PASSED and changes nothing', async () => {
    const lead = await moveClockTo('2027-01-04T09:00:00Z');
    await expectRefusedUnchanged(cancelLeaving(lead), 'LEAVING_DATE_PASSED', 'Chloe Adeyemi left on 2027-01-01');
  });
});
