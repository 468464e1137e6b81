import { describe, expect, it } from 'vitest';
import { advanceAllocationStatuses } from '../../api/src/services/allocations/advance.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import {
  ALLOCATION,
  CHECK,
  CONFIRM,
  DECIDE,
  MY_ACTIONS,
  PROPOSE,
  REVIEW_END,
  REVIEW_START,
  addStatisticsRequest,
  startAllocationScenarioApp,
  THIS_WEEK,
  UPDATE_PROPOSAL,
  WITHDRAW,
  week,
} from '../fixtures/allocation-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startAllocationScenarioApp);

async function ok<Data = Record<string, any>>(client: ApiClient, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await client.execute<Data>(query, variables);
  expect(result.errors, result.text).toBeUndefined();
  return result.data!;
}

const auditActions = async (entityId: string) =>
  (await setup.database.prisma.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } }));

describe('an allocation from proposal to completion', () => {
  let allocationId: string;

  it('is proposed by the workforce lead after checking capacity and skills, holding no time yet', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const placement = {
      analystId: setup.scenario.analysts.chloe.id,
      requestId: setup.scenario.requests.mortalityReview.id,
      fte: 0.4,
      startWeek: REVIEW_START,
      endWeek: REVIEW_END,
    };
    const { allocationCheck } = await ok(lead, CHECK, { input: placement });
    expect(allocationCheck).toMatchObject({ fits: true, kind: 'STANDARD', development: false, problems: [] });
    expect(allocationCheck.skills).toEqual([expect.objectContaining({ skillName: 'Statistical modelling', minLevel: 3, analystLevel: 4, met: true })]);
    expect(allocationCheck.weeks).toHaveLength(13);
    expect(allocationCheck.weeks.every((w: { remainingFte: number; requestedFte: number; fits: boolean }) => w.remainingFte === 0.5 && w.requestedFte === 0.4 && w.fits)).toBe(true);

    const { proposeAllocation } = await ok(lead, PROPOSE, { input: placement });
    expect(proposeAllocation).toMatchObject({ status: 'PROPOSED', confirmed: false, kind: 'STANDARD', releaseDecision: 'PENDING', version: 1 });
    allocationId = proposeAllocation.id;

    // Tentative: the full 0.5 FTE is still free.
    const again = await ok(lead, CHECK, { input: { ...placement, fte: 0.5, requestId: setup.scenario.requests.mortalityReview.id } });
    expect(again.allocationCheck.weeks[0]).toMatchObject({ remainingFte: 0.5 });
  });

  it('cannot be decided before the workforce lead confirms it', async () => {
    const hospiceLead = await setup.signIn(setup.scenario.users.hospiceLead);
    const result = await hospiceLead.execute(DECIDE, { id: allocationId, version: 1, decision: 'ACCEPT' });
    expect(errorCodes(result)).toEqual(['INVALID_TRANSITION']);
  });

  it('is confirmed, holds the analyst’s time and waits for the three parties', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const { confirmAllocations } = await ok(lead, CONFIRM, { input: { ids: [allocationId] } });
    expect(confirmAllocations).toEqual([
      expect.objectContaining({ id: allocationId, confirmed: true, status: 'PROPOSED', version: 2, awaitingParties: ['REQUESTER', 'RELEASE', 'ANALYST'] }),
    ]);
    const { allocationCheck } = await ok(lead, CHECK, {
      input: { analystId: setup.scenario.analysts.chloe.id, requestId: setup.scenario.requests.mortalityReview.id, fte: 0.2, startWeek: REVIEW_START, endWeek: REVIEW_START },
    });
    expect(allocationCheck.fits).toBe(false);
    expect(allocationCheck.weeks).toEqual([{ week: REVIEW_START, remainingFte: 0.1, requestedFte: 0.2, fits: false }]);
  });

  it('appears in each party’s actions, and each sees which party they are', async () => {
    const kinds = async (user: { email: string }) => {
      const { myActions } = await ok(await setup.signIn(user), MY_ACTIONS);
      return myActions.items
        .filter((item: { allocation: { id: string } }) => item.allocation.id === allocationId)
        .map((item: { kind: string; allocation: { viewerParties: string[] } }) => [item.kind, item.allocation.viewerParties]);
    };
    expect(await kinds(setup.scenario.users.hospiceLead)).toEqual([['DECIDE_AS_REQUESTER', ['REQUESTER']]]);
    expect(await kinds(setup.scenario.users.acuteLead)).toEqual([['APPROVE_RELEASE', ['RELEASE']]]);
    expect(await kinds(setup.scenario.users.chloe)).toEqual([['DECIDE_AS_ANALYST', ['ANALYST']]]);
    expect(await kinds(setup.scenario.users.workforceLead)).toEqual([]);
  });

  it('becomes ACCEPTED when all three accept, and the request MATCHED', async () => {
    const decide = async (user: { email: string }, version: number) =>
      (await ok(await setup.signIn(user), DECIDE, { id: allocationId, version, decision: 'ACCEPT' })).decideAllocation.allocation;
    expect(await decide(setup.scenario.users.hospiceLead, 2)).toMatchObject({ status: 'PROPOSED', requesterDecision: 'ACCEPTED', awaitingParties: ['RELEASE', 'ANALYST'] });
    expect(await decide(setup.scenario.users.acuteLead, 3)).toMatchObject({ status: 'PROPOSED', releaseDecision: 'ACCEPTED' });
    const accepted = await decide(setup.scenario.users.chloe, 4);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', analystDecision: 'ACCEPTED', awaitingParties: [], request: { status: 'MATCHED' } });

    const again = await (await setup.signIn(setup.scenario.users.chloe)).execute(DECIDE, { id: allocationId, version: 5, decision: 'DECLINE' });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
  });

  it('becomes ACTIVE in its start week and COMPLETED after its end week, by the system', async () => {
    expect(await advanceAllocationStatuses(setup.database.prisma, new Date('2026-11-29T23:00:00Z'))).toEqual({ activated: 0, completed: 0 });
    expect(await advanceAllocationStatuses(setup.database.prisma, new Date('2026-12-02T08:00:00Z'))).toEqual({ activated: 1, completed: 0 });
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    expect((await ok(lead, ALLOCATION, { id: allocationId })).allocation).toMatchObject({ status: 'ACTIVE', request: { status: 'ACTIVE' } });

    // The scenario's accepted forecast allocation starts in January: only it moves on this pass.
    expect(await advanceAllocationStatuses(setup.database.prisma, new Date('2027-02-28T12:00:00Z'))).toEqual({ activated: 1, completed: 0 });
    expect((await ok(lead, ALLOCATION, { id: allocationId })).allocation).toMatchObject({ status: 'ACTIVE' });
    expect(await advanceAllocationStatuses(setup.database.prisma, new Date('2027-03-01T00:00:00Z'))).toEqual({ activated: 0, completed: 1 });
    expect((await ok(lead, ALLOCATION, { id: allocationId })).allocation).toMatchObject({ status: 'COMPLETED', request: { status: 'COMPLETED' } });

    const { myActions } = await ok(lead, MY_ACTIONS);
    expect(myActions.items).toContainEqual(expect.objectContaining({ kind: 'GIVE_FEEDBACK', allocation: expect.objectContaining({ id: allocationId }) }));
  });

  it('left one audit event per step, with the actor (none for the system)', async () => {
    const { users } = setup.scenario;
    expect(await auditActions(allocationId)).toEqual([
      { action: 'allocation.propose', actorId: users.workforceLead.id },
      { action: 'allocation.confirm', actorId: users.workforceLead.id },
      { action: 'allocation.decide', actorId: users.hospiceLead.id },
      { action: 'allocation.decide', actorId: users.acuteLead.id },
      { action: 'allocation.accept', actorId: users.chloe.id },
      { action: 'allocation.activate', actorId: null },
      { action: 'allocation.complete', actorId: null },
    ]);
    expect((await auditActions(setup.scenario.requests.mortalityReview.id)).map((event) => event.action)).toEqual([
      'request.status.follow',
      'request.status.follow',
      'request.status.follow',
    ]);
  });
});

describe('accepting an allocation whose start week has begun', () => {
  it('makes it ACTIVE at once; without release approval in the ICS, the home lead is not asked', async () => {
    await setup.database.prisma.ics.update({ where: { id: setup.scenario.ics.id }, data: { requireReleaseApproval: false } });
    try {
      const request = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Winter pressures snapshot', fte: 0.2, startWeek: THIS_WEEK, endWeek: '2026-12-14' });
      const lead = await setup.signIn(setup.scenario.users.workforceLead);
      const { proposeAllocation } = await ok(lead, PROPOSE, {
        input: { analystId: setup.scenario.analysts.dev.id, requestId: request.id, fte: 0.2, startWeek: THIS_WEEK, endWeek: '2026-12-14' },
      });
      const [confirmed] = (await ok(lead, CONFIRM, { input: { ids: [proposeAllocation.id] } })).confirmAllocations;
      expect(confirmed).toMatchObject({ releaseDecision: 'NOT_REQUIRED', awaitingParties: ['REQUESTER', 'ANALYST'] });

      // Dev has no user of his own; his decision is recorded directly, as his lead would on paper.
      await setup.database.prisma.allocation.update({ where: { id: confirmed.id }, data: { analystDecision: 'ACCEPTED' } });
      const { decideAllocation } = await ok(await setup.signIn(setup.scenario.users.hospiceLead), DECIDE, {
        id: confirmed.id,
        version: confirmed.version,
        decision: 'ACCEPT',
      });
      expect(decideAllocation.allocation).toMatchObject({ status: 'ACTIVE', request: { status: 'ACTIVE' } });
    } finally {
      await setup.database.prisma.ics.update({ where: { id: setup.scenario.ics.id }, data: { requireReleaseApproval: true } });
    }
  });
});

describe('a declined allocation', () => {
  it('becomes DECLINED with its reason, frees the time and offers the next best candidate', async () => {
    const request = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Readmissions model', fte: 0.3, startWeek: '2027-04-05', endWeek: '2027-05-31' });
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const { proposeAllocation } = await ok(lead, PROPOSE, {
      input: { analystId: setup.scenario.analysts.chloe.id, requestId: request.id, fte: 0.3, startWeek: '2027-04-05', endWeek: '2027-05-31' },
    });
    await ok(lead, CONFIRM, { input: { ids: [proposeAllocation.id] } });

    const { decideAllocation } = await ok(await setup.signIn(setup.scenario.users.chloe), DECIDE, {
      id: proposeAllocation.id,
      version: 2,
      decision: 'DECLINE',
      reason: 'On leave for most of April.',
    });
    expect(decideAllocation.allocation).toMatchObject({ status: 'DECLINED', analystDecision: 'DECLINED', declineReason: 'On leave for most of April.' });
    expect(decideAllocation.replacement).toMatchObject({
      status: 'PROPOSED',
      confirmed: false,
      analyst: { id: setup.scenario.analysts.dev.id },
      request: { id: request.id },
      fte: 0.3,
      startWeek: '2027-04-05',
      endWeek: '2027-05-31',
    });
    const actions = await auditActions(decideAllocation.replacement.id);
    expect(actions).toEqual([{ action: 'allocation.replacement.propose', actorId: setup.scenario.users.chloe.id }]);

    const { allocationCheck } = await ok(lead, CHECK, {
      input: { analystId: setup.scenario.analysts.chloe.id, requestId: request.id, fte: 0.3, startWeek: '2027-04-05', endWeek: '2027-04-05' },
    });
    expect(allocationCheck.weeks[0]).toMatchObject({ remainingFte: 0.5 });

    const withdrawnDecision = await (await setup.signIn(setup.scenario.users.hospiceLead)).execute(DECIDE, { id: proposeAllocation.id, version: 3, decision: 'ACCEPT' });
    expect(errorCodes(withdrawnDecision)).toEqual(['INVALID_TRANSITION']);
  });
});

describe('editing and withdrawing', () => {
  it('edits a confirmed, undecided proposal under the capacity rule, then withdraws it and frees the time', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const request = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Hospice at home evaluation', fte: 0.5, startWeek: '2027-06-07', endWeek: '2027-06-28' });
    const { proposeAllocation } = await ok(lead, PROPOSE, {
      input: { analystId: setup.scenario.analysts.chloe.id, requestId: request.id, fte: 0.2, startWeek: '2027-06-07', endWeek: '2027-06-28' },
    });
    await ok(lead, CONFIRM, { input: { ids: [proposeAllocation.id] } });
    const { updateProposal } = await ok(lead, UPDATE_PROPOSAL, { id: proposeAllocation.id, version: 2, input: { fte: 0.5 } });
    expect(updateProposal).toMatchObject({ fte: 0.5, version: 3, confirmed: true });
    const editing = await ok(lead, CHECK, {
      input: { analystId: setup.scenario.analysts.chloe.id, requestId: request.id, fte: 0.5, startWeek: '2027-06-07', endWeek: '2027-06-28', allocationId: proposeAllocation.id },
    });
    expect(editing.allocationCheck).toMatchObject({ fits: true, problems: [] });
    const moved = await ok(lead, UPDATE_PROPOSAL, { id: proposeAllocation.id, version: 3, input: { analystId: setup.scenario.analysts.dev.id, fte: 0.4 } });
    expect(moved.updateProposal).toMatchObject({ analyst: { id: setup.scenario.analysts.dev.id }, fte: 0.4, version: 4 });

    const { withdrawAllocation } = await ok(await setup.signIn(setup.scenario.users.hospiceLead), WITHDRAW, {
      id: proposeAllocation.id,
      version: 4,
      reason: 'The evaluation was postponed.',
    });
    expect(withdrawAllocation).toMatchObject({ status: 'WITHDRAWN', declineReason: 'The evaluation was postponed.' });
    const { allocationCheck } = await ok(lead, CHECK, {
      input: { analystId: setup.scenario.analysts.dev.id, requestId: request.id, fte: 0.4, startWeek: '2027-06-07', endWeek: '2027-06-28' },
    });
    expect(allocationCheck.fits).toBe(true);
  });
});

describe('confirming a matching run', () => {
  it('confirms its proposals one by one or all at once, and the run becomes CONFIRMED when none is left', async () => {
    const request = await addStatisticsRequest(setup.database.prisma, setup.scenario, { title: 'Hospice bed model', fte: 0.3, startWeek: '2027-07-05', endWeek: '2027-07-26' });
    const run = await setup.database.prisma.matchingRun.create({
      data: { icsId: setup.scenario.ics.id, windowStart: week('2027-07-05'), windowEnd: week('2027-07-26'), policy: {}, status: 'SUCCEEDED' },
    });
    const proposal = (analystId: string) =>
      setup.database.prisma.allocation.create({
        data: { icsId: setup.scenario.ics.id, analystId, requestId: request.id, runId: run.id, fte: 0.1, startWeek: week('2027-07-05'), endWeek: week('2027-07-26') },
      });
    const first = await proposal(setup.scenario.analysts.chloe.id);
    await proposal(setup.scenario.analysts.dev.id);
    await proposal(setup.scenario.analysts.chloe.id);
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const runStatus = async () => (await setup.database.prisma.matchingRun.findUniqueOrThrow({ where: { id: run.id } })).status;

    await ok(lead, CONFIRM, { input: { ids: [first.id] } });
    expect(await runStatus()).toBe('SUCCEEDED');
    const { confirmAllocations } = await ok(lead, CONFIRM, { input: { runId: run.id } });
    expect(confirmAllocations).toHaveLength(2);
    expect(await runStatus()).toBe('CONFIRMED');
    expect((await auditActions(run.id)).map((event) => event.action)).toEqual(['matchingRun.confirm']);

    const again = await lead.execute(CONFIRM, { input: { runId: run.id } });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await lead.execute(CONFIRM, { input: { runId: run.id, ids: [first.id] } }))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await lead.execute(CONFIRM, { input: {} }))).toEqual(['VALIDATION_FAILED']);
  });
});
