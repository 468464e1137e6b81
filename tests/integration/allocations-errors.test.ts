import { describe, expect, it } from 'vitest';
import { errorCodes, type GraphqlResponse } from '../fixtures/api-client.ts';
import {
  CONFIRM,
  DECIDE,
  PROPOSE,
  REVIEW_END,
  REVIEW_START,
  addStatisticsRequest,
  startAllocationScenarioApp,
  UPDATE_PROPOSAL,
  WITHDRAW,
} from '../fixtures/allocation-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startAllocationScenarioApp, ({ scenario }) => ({ lead: scenario.users.workforceLead }));

const review = () => ({
  analystId: setup.scenario.analysts.chloe.id,
  requestId: setup.scenario.requests.mortalityReview.id,
  fte: 0.4,
  startWeek: REVIEW_START,
  endWeek: REVIEW_END,
});

async function propose(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const result = await setup.clients.lead.execute(PROPOSE, { input });
  expect(result.errors, result.text).toBeUndefined();
  return result.data!.proposeAllocation;
}

/** Everything a failed mutation could have touched. */
async function state() {
  const [allocations, audit, requests] = await Promise.all([
    setup.database.prisma.allocation.findMany({ orderBy: { id: 'asc' } }),
    setup.database.prisma.auditEvent.count(),
    setup.database.prisma.request.findMany({ select: { id: true, status: true, version: true }, orderBy: { id: 'asc' } }),
  ]);
  return { allocations, audit, requests };
}

async function expectNothingChanged(mutation: () => Promise<GraphqlResponse>, code: string) {
  const before = await state();
  const result = await mutation();
  expect(errorCodes(result), result.text).toEqual([code]);
  expect(await state()).toEqual(before);
  return result;
}

describe('VALIDATION_FAILED', () => {
  it('names each bad field: FTE steps, Mondays, weeks outside the request or in the past, end before start', async () => {
    const fields = async (input: Record<string, unknown>) => {
      const result = await expectNothingChanged(() => setup.clients.lead.execute(PROPOSE, { input: { ...review(), ...input } }), 'VALIDATION_FAILED');
      return result.errors![0]!.extensions!.fields!.map((field) => field.path.join('.'));
    };
    expect(await fields({ fte: 0.25 })).toEqual(['input.fte']);
    expect(await fields({ fte: 0 })).toEqual(['input.fte']);
    expect(await fields({ startWeek: '2026-12-01' })).toEqual(['input.startWeek']);
    expect(await fields({ startWeek: '2026-11-16', endWeek: '2026-11-16' })).toEqual(['input.startWeek', 'input.endWeek']);
    expect(await fields({ endWeek: '2027-03-29' })).toEqual(['input.endWeek']);
    expect(await fields({ startWeek: '2027-01-04', endWeek: '2026-12-07' })).toEqual(['input.endWeek']);
    expect(await fields({ analystId: 'not-an-id' })).toEqual(['input.analystId']);
  });

  it('refuses a request that is not open and an analyst whose own organisation made the request', async () => {
    const draft = await expectNothingChanged(
      () => setup.clients.lead.execute(PROPOSE, { input: { ...review(), requestId: setup.scenario.requests.hospiceDraft.id, startWeek: '2027-01-04', endWeek: '2027-01-04' } }),
      'VALIDATION_FAILED',
    );
    expect(draft.errors![0]!.extensions!.fields).toEqual([{ path: ['input', 'requestId'], message: expect.stringContaining('draft') }]);
    const home = await expectNothingChanged(
      () => setup.clients.lead.execute(PROPOSE, { input: { ...review(), analystId: setup.scenario.analysts.hospiceAnalyst.id } }),
      'VALIDATION_FAILED',
    );
    expect(home.errors![0]!.extensions!.fields![0]!.path).toEqual(['input', 'analystId']);
  });
});

describe('NOT_FOUND', () => {
  it('treats another ICS’s analyst as unknown', async () => {
    await expectNothingChanged(() => setup.clients.lead.execute(PROPOSE, { input: { ...review(), analystId: setup.scenario.otherIcs.analyst.id } }), 'NOT_FOUND');
  });
});

describe('SKILL_REQUIREMENT_NOT_MET', () => {
  it('refuses an analyst short of a must-have skill, naming it', async () => {
    const pool = await setup.database.prisma.analyst.create({
      data: {
        icsId: setup.scenario.ics.id,
        organisationId: setup.scenario.organisations.icb.id,
        name: 'Priya Nair',
        email: 'priya.nair@riverside-icb.example',
        jobTitle: 'Data engineer',
        band: 'BAND_6',
        contractedFte: 1,
        pooledFte: 0.5,
        skills: { create: [{ icsId: setup.scenario.ics.id, skillId: setup.scenario.skills.sql.id, level: 4 }] },
      },
    });
    const result = await expectNothingChanged(() => setup.clients.lead.execute(PROPOSE, { input: { ...review(), analystId: pool.id } }), 'SKILL_REQUIREMENT_NOT_MET');
    expect(result.errors![0]!.extensions!.reasons).toEqual(['Statistical modelling at level 3 (has 0)']);
  });

  it('applies the development rule: a mentor on the request, at most half its FTE, and only as DEVELOPMENT', async () => {
    // Ben is on leave from 21 December, so his placement ends before it.
    const developing = { ...review(), analystId: setup.scenario.analysts.acuteAnalyst.id, fte: 0.2, endWeek: '2026-12-14' };
    const noMentor = await expectNothingChanged(() => setup.clients.lead.execute(PROPOSE, { input: developing }), 'SKILL_REQUIREMENT_NOT_MET');
    expect(noMentor.errors![0]!.message).toMatch(/mentor/);

    const mentor = await propose({ ...review(), analystId: setup.scenario.analysts.dev.id, fte: 0.2 });
    await expectNothingChanged(() => setup.clients.lead.execute(PROPOSE, { input: { ...developing, kind: 'STANDARD' } }), 'SKILL_REQUIREMENT_NOT_MET');
    const tooMuch = await expectNothingChanged(() => setup.clients.lead.execute(PROPOSE, { input: { ...developing, fte: 0.3 } }), 'SKILL_REQUIREMENT_NOT_MET');
    expect(tooMuch.errors![0]!.message).toMatch(/at most 0.2 FTE/);

    const placed = await setup.clients.lead.execute(PROPOSE, { input: developing });
    expect(placed.data?.proposeAllocation).toMatchObject({ kind: 'DEVELOPMENT' });
    const row = await setup.database.prisma.allocation.findUniqueOrThrow({ where: { id: placed.data!.proposeAllocation.id } });
    expect(row.mentorAllocationId).toBe(mentor.id);

    // Withdrawing the mentor ends the placement it mentors, in the same change, both audited.
    expect(errorCodes(await setup.clients.lead.execute(WITHDRAW, { id: mentor.id, version: mentor.version, reason: 'Dev is needed elsewhere.' }))).toEqual([]);
    expect(await setup.database.prisma.allocation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await setup.database.prisma.auditEvent.count({ where: { entityId: { in: [mentor.id, row.id] }, action: 'allocation.withdraw' } })).toBe(2);
  });
});

describe('ANALYST_OVER_CAPACITY', () => {
  it('names the weeks and amounts, and a failed confirmation of several confirms none of them', async () => {
    const winter = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Winter surge model', fte: 0.4, startWeek: '2027-02-15', endWeek: '2027-03-08' });
    const first = await propose(review());
    const second = await propose({ analystId: setup.scenario.analysts.chloe.id, requestId: winter.id, fte: 0.3, startWeek: '2027-02-15', endWeek: '2027-03-08' });

    // Each fits alone (0.5 FTE free); together they take 0.7 in the two weeks they share.
    const result = await expectNothingChanged(() => setup.clients.lead.execute(CONFIRM, { input: { ids: [first.id, second.id] } }), 'ANALYST_OVER_CAPACITY');
    expect(result.errors![0]!.extensions!.weeks).toEqual([
      { week: '2027-02-15', remainingFte: 0.5, requestedFte: 0.7 },
      { week: '2027-02-22', remainingFte: 0.5, requestedFte: 0.7 },
    ]);
    expect(result.errors![0]!.message).toBe('Chloe Adeyemi does not have the time: weeks of 2027-02-15 to 2027-02-22: 0.5 FTE left, 0.7 FTE asked.');

    expect(errorCodes(await setup.clients.lead.execute(CONFIRM, { input: { ids: [first.id] } }))).toEqual([]);
    const late = await expectNothingChanged(() => setup.clients.lead.execute(CONFIRM, { input: { ids: [second.id] } }), 'ANALYST_OVER_CAPACITY');
    expect(late.errors![0]!.extensions!.weeks).toEqual([
      { week: '2027-02-15', remainingFte: 0.1, requestedFte: 0.3 },
      { week: '2027-02-22', remainingFte: 0.1, requestedFte: 0.3 },
    ]);
    // A new proposal must fit what is left too.
    await expectNothingChanged(
      () => setup.clients.lead.execute(PROPOSE, { input: { analystId: setup.scenario.analysts.chloe.id, requestId: winter.id, fte: 0.2, startWeek: '2027-02-15', endWeek: '2027-02-15' } }),
      'ANALYST_OVER_CAPACITY',
    );
    // So must an edited one, and it may not ask for more than the request does.
    await expectNothingChanged(() => setup.clients.lead.execute(UPDATE_PROPOSAL, { id: second.id, version: 1, input: { fte: 0.2 } }), 'ANALYST_OVER_CAPACITY');
    await expectNothingChanged(() => setup.clients.lead.execute(UPDATE_PROPOSAL, { id: first.id, version: 2, input: { fte: 0.6 } }), 'VALIDATION_FAILED');
    await setup.database.prisma.allocation.update({ where: { id: second.id }, data: { status: 'WITHDRAWN' } });
  });
});

describe('leave recorded over agreed work', () => {
  const RECORD_LEAVE = /* GraphQL */ `
    mutation RecordLeave($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) {
      updateAnalystProfile(id: $id, version: $version, input: $input) { id version }
    }
  `;

  it('is refused while a confirmed allocation holds those weeks, and allowed when the time still covers it', async () => {
    const held = await propose({ analystId: setup.scenario.analysts.chloe.id, requestId: (await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Sepsis audit', fte: 0.4, startWeek: '2027-06-07', endWeek: '2027-06-28' })).id, fte: 0.4, startWeek: '2027-06-07', endWeek: '2027-06-28' });
    expect(errorCodes(await setup.clients.lead.execute(CONFIRM, { input: { ids: [held.id] } }))).toEqual([]);
    const chloe = await setup.signIn(setup.scenario.users.chloe);
    const version = (await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: setup.scenario.analysts.chloe.id } })).version;
    const leave = (availableFraction: number) => ({ availability: [{ startWeek: '2027-06-14', endWeek: '2027-06-14', availableFraction }] });

    const refused = await expectNothingChanged(
      () => chloe.execute(RECORD_LEAVE, { id: setup.scenario.analysts.chloe.id, version, input: leave(0) }),
      'ANALYST_OVER_CAPACITY',
    );
    expect(refused.errors![0]!.message).toBe('Chloe Adeyemi does not have the time: week of 2027-06-14: 0 FTE left, 0.4 FTE asked.');
    // 0.8 of 0.5 pooled FTE leaves 0.4, which still covers the allocation.
    expect(errorCodes(await chloe.execute(RECORD_LEAVE, { id: setup.scenario.analysts.chloe.id, version, input: leave(0.8) }))).toEqual([]);
    await setup.database.prisma.allocation.update({ where: { id: held.id }, data: { status: 'WITHDRAWN' } });
  });
});

describe('REQUEST_OVER_COVERED', () => {
  it('never confirms more time on a request than it asks for, even when two confirmations race', async () => {
    const weeks = { startWeek: '2027-04-05', endWeek: '2027-04-26' };
    const audit = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Readmissions audit', fte: 0.4, ...weeks });
    const { chloe, dev } = setup.scenario.analysts;
    const byChloe = await propose({ analystId: chloe.id, requestId: audit.id, fte: 0.3, ...weeks });
    const byDev = await propose({ analystId: dev.id, requestId: audit.id, fte: 0.3, ...weeks });

    // Each fits its analyst; together they would give the request 0.6 FTE of the 0.4 it asks for.
    const results = await Promise.all([byChloe, byDev].map(({ id }) => setup.clients.lead.execute(CONFIRM, { input: { ids: [id] } })));
    expect(results.flatMap(errorCodes)).toEqual(['REQUEST_OVER_COVERED']);
    expect(results.find((result) => result.errors)!.errors![0]!.message).toBe(
      '"Readmissions audit" asks for 0.4 FTE, which these would exceed: weeks of 2027-04-05 to 2027-04-26: 0.1 FTE left, 0.3 FTE asked.',
    );
    expect(await setup.database.prisma.allocation.count({ where: { requestId: audit.id, confirmedAt: { not: null } } })).toBe(1);

    const confirmed = results[0]!.errors ? byDev : byChloe;
    await expectNothingChanged(() => setup.clients.lead.execute(UPDATE_PROPOSAL, { id: confirmed.id, version: 2, input: { fte: 0.5 } }), 'VALIDATION_FAILED');
    await setup.database.prisma.allocation.updateMany({ where: { requestId: audit.id }, data: { status: 'WITHDRAWN' } });
  });
});

describe('STALE_VERSION and INVALID_TRANSITION', () => {
  it('refuses a stale edit, decision or withdrawal and a transition the status does not allow', async () => {
    const request = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Bed occupancy forecast', fte: 0.3, startWeek: '2027-05-03', endWeek: '2027-05-24' });
    const proposal = await propose({ analystId: setup.scenario.analysts.dev.id, requestId: request.id, fte: 0.2, startWeek: '2027-05-03', endWeek: '2027-05-24' });
    expect(errorCodes(await setup.clients.lead.execute(UPDATE_PROPOSAL, { id: proposal.id, version: 1, input: { fte: 0.3 } }))).toEqual([]);
    await expectNothingChanged(() => setup.clients.lead.execute(UPDATE_PROPOSAL, { id: proposal.id, version: 1, input: { fte: 0.1 } }), 'STALE_VERSION');
    await expectNothingChanged(() => setup.clients.lead.execute(WITHDRAW, { id: proposal.id, version: 1, reason: 'Too late.' }), 'STALE_VERSION');
    expect(errorCodes(await setup.clients.lead.execute(CONFIRM, { input: { ids: [proposal.id] } }))).toEqual([]);
    await expectNothingChanged(() => setup.clients.lead.execute(CONFIRM, { input: { ids: [proposal.id] } }), 'INVALID_TRANSITION');

    const hospiceLead = await setup.signIn(setup.scenario.users.hospiceLead);
    await expectNothingChanged(() => hospiceLead.execute(DECIDE, { id: proposal.id, version: 2, decision: 'ACCEPT' }), 'STALE_VERSION');
    expect(errorCodes(await hospiceLead.execute(DECIDE, { id: proposal.id, version: 3, decision: 'ACCEPT' }))).toEqual([]);
    await expectNothingChanged(() => setup.clients.lead.execute(UPDATE_PROPOSAL, { id: proposal.id, version: 4, input: { fte: 0.1 } }), 'INVALID_TRANSITION');
    expect(errorCodes(await setup.clients.lead.execute(WITHDRAW, { id: proposal.id, version: 4, reason: 'The forecast is no longer needed.' }))).toEqual([]);
    await expectNothingChanged(() => hospiceLead.execute(DECIDE, { id: proposal.id, version: 5, decision: 'ACCEPT' }), 'INVALID_TRANSITION');
    await expectNothingChanged(() => setup.clients.lead.execute(WITHDRAW, { id: proposal.id, version: 5, reason: 'Again.' }), 'INVALID_TRANSITION');
  });
});
