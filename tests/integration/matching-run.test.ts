import { beforeAll, describe, expect, it } from 'vitest';
import { weeklyAllowanceTenths, toTenths } from '../../api/src/domain/capacity.ts';
import { mondaysOf } from '../../api/src/domain/weeks.ts';
import { solveBaseline } from '../../api/src/matching/baseline.ts';
import { failInterruptedRuns, runMatching } from '../../api/src/services/matching/run-matching.ts';
import type { Viewer } from '../../api/src/auth/session.ts';
import { TEST_TODAY } from '../support/test-clock.ts';
import { addMatchingDemand, MATCHING_WINDOW } from '../fixtures/matching-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

let demand: Awaited<ReturnType<typeof addMatchingDemand>>;
let lead: ApiClient;

beforeAll(async () => {
  demand = await addMatchingDemand(setup.database.prisma, setup.scenario);
  lead = await setup.signIn(setup.scenario.users.workforceLead);
});

const RUN = /* GraphQL */ `
  mutation Run($input: RunMatchingInput!) {
    runMatching(input: $input) {
      id status error windowStart windowEnd inputDigest
      policy { alpha beta gamma maxConcurrentRequests developmentShareCap }
      metrics { fulfilment minSatisfaction jain overCapacity skillViolations matchedFteWeeks requestedFteWeeks }
      baselineMetrics { fulfilment minSatisfaction overCapacity }
      organisations { organisation { id name } engine { entitlement received satisfaction } baseline { received } }
      solverStats { totalMs }
      createdBy { id }
      proposals(first: 100) {
        totalCount
        edges { node {
          id fte kind status startWeek endWeek
          analyst { id } request { id }
          run { id }
          explanation {
            summary rank candidateCount score
            skills { skillName kind wantedLevel analystLevel fit }
            fairness { organisationName bound entitlement received text }
            nextCandidate { analystName reason }
            development { skillName mentor { id name } }
          }
        } }
      }
    }
  }
`;

const viewerFor = async (userId: string): Promise<Viewer> => {
  const user = await setup.database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return { userId: user.id, sessionId: 'test', icsId: user.icsId, role: user.role, organisationId: user.organisationId, analystId: user.analystId };
};

async function counts() {
  const [runs, allocations, audits] = await Promise.all([
    setup.database.prisma.matchingRun.count(),
    setup.database.prisma.allocation.count(),
    setup.database.prisma.auditEvent.count(),
  ]);
  return { runs, allocations, audits };
}

describe('running matching', () => {
  let firstRunId: string;

  it('stores the proposals as PROPOSED allocations with explanations, and the metrics of engine and baseline', async () => {
    const result = await lead.execute(RUN, { input: MATCHING_WINDOW });
    expect(result.errors).toBeUndefined();
    const run = result.data!.runMatching;
    firstRunId = run.id;

    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null, windowStart: '2026-11-30', windowEnd: '2027-05-24' });
    expect(run.inputDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(run.policy).toEqual({ alpha: 0.4, beta: 0.4, gamma: 0.2, maxConcurrentRequests: 3, developmentShareCap: 0.5 });
    expect(run.createdBy.id).toBe(setup.scenario.users.workforceLead.id);
    expect(run.metrics.overCapacity).toBe(0);
    expect(run.metrics.skillViolations).toBe(0);
    expect(run.metrics.fulfilment).toBeGreaterThan(0);
    expect(run.baselineMetrics.overCapacity).toBe(0);
    expect(run.organisations.map((row: any) => row.organisation.name).sort()).toEqual(
      ['Riverside ICB', 'Riverside University Hospitals', 'St Brigid’s Hospice'].sort(),
    );

    const proposals = run.proposals.edges.map((edge: any) => edge.node);
    expect(proposals.length).toBeGreaterThan(0);
    expect(run.proposals.totalCount).toBe(proposals.length);
    for (const proposal of proposals) {
      expect(proposal.status).toBe('PROPOSED');
      expect(proposal.run.id).toBe(run.id);
      expect(Math.round(proposal.fte * 10)).toBeCloseTo(proposal.fte * 10, 9);
      expect(proposal.explanation.summary.length).toBeGreaterThan(10);
      expect(proposal.explanation.rank).toBeGreaterThanOrEqual(1);
      expect(proposal.explanation.rank).toBeLessThanOrEqual(proposal.explanation.candidateCount);
      expect(proposal.explanation.skills.map((skill: any) => skill.skillName)).toContain('Statistical modelling');
      expect(proposal.explanation.fairness.organisationName).not.toBe('Unknown organisation');
    }
    const requestIds = new Set(proposals.map((proposal: any) => proposal.request.id));
    expect(requestIds.has(setup.scenario.requests.hospiceDraft.id)).toBe(false);
    expect(requestIds.has(setup.scenario.requests.hospiceSubmitted.id)).toBe(false);

    const audit = await setup.database.prisma.auditEvent.findFirst({ where: { action: 'matching.run', entityId: run.id } });
    expect(audit?.actorId).toBe(setup.scenario.users.workforceLead.id);
  });

  it('never books an analyst beyond their pooled time, counting the bookings that already hold it', async () => {
    const window = { startWeek: new Date('2026-11-30T00:00:00Z'), endWeek: new Date('2027-05-24T00:00:00Z') };
    const analysts = await setup.database.prisma.analyst.findMany({
      where: { icsId: setup.scenario.ics.id },
      include: {
        availabilities: true,
        allocations: {
          where: { OR: [{ runId: firstRunId }, { status: 'PROPOSED', confirmedAt: { not: null } }, { status: { in: ['ACCEPTED', 'ACTIVE'] } }] },
        },
      },
    });
    const weeks = mondaysOf(window);
    for (const analyst of analysts) {
      const allowance = weeklyAllowanceTenths(window, {
        pooledFte: analyst.pooledFte.toNumber(),
        protectedDevelopmentShare: analyst.protectedDevelopmentShare.toNumber(),
        availabilities: analyst.availabilities.map((row) => ({ ...row, availableFraction: row.availableFraction.toNumber() })),
      });
      weeks.forEach((week, index) => {
        const proposed = analyst.allocations
          .filter((allocation) => allocation.runId === firstRunId && allocation.startWeek <= week && allocation.endWeek >= week)
          .reduce((sum, allocation) => sum + toTenths(allocation.fte), 0);
        const held = analyst.allocations
          .filter((allocation) => allocation.runId !== firstRunId && allocation.startWeek <= week && allocation.endWeek >= week)
          .reduce((sum, allocation) => sum + toTenths(allocation.fte), 0);
        if (proposed > 0) expect(proposed + held, `${analyst.name} in week ${index}`).toBeLessThanOrEqual(allowance[index]!);
      });
    }
  });

  it('proposes no more for a request than it still needs', async () => {
    const proposals = await setup.database.prisma.allocation.findMany({ where: { runId: firstRunId, requestId: demand.requests.hospiceBereavement.id } });
    const weekly = proposals.reduce((sum, allocation) => sum + toTenths(allocation.fte), 0);
    expect(weekly).toBeLessThanOrEqual(3);
  });

  it('replaces the unconfirmed proposals of an earlier run, keeping confirmed ones', async () => {
    const before = await setup.database.prisma.allocation.findFirstOrThrow({ where: { runId: firstRunId } });
    await setup.database.prisma.allocation.update({ where: { id: before.id }, data: { confirmedAt: TEST_TODAY } });

    const result = await lead.execute(RUN, { input: MATCHING_WINDOW });
    expect(result.data!.runMatching.status).toBe('SUCCEEDED');

    const leftOver = await setup.database.prisma.allocation.findMany({ where: { runId: firstRunId } });
    expect(leftOver.map((allocation) => allocation.id)).toEqual([before.id]);
    await setup.database.prisma.allocation.delete({ where: { id: before.id } });
  });

  it('keeps earlier proposals for weeks outside the new window', async () => {
    const { acuteForecast } = demand.requests;
    const earlier = await setup.database.prisma.matchingRun.findFirstOrThrow({ where: { id: firstRunId } });
    const proposal = (startWeek: string, endWeek: string) =>
      setup.database.prisma.allocation.create({
        data: {
          icsId: setup.scenario.ics.id, runId: earlier.id, analystId: demand.analysts.acuteEngineer.id, requestId: acuteForecast.id,
          fte: 0.1, startWeek: new Date(startWeek), endWeek: new Date(endWeek),
        },
      });
    const before = await proposal('2026-12-07', '2027-01-25');
    const inside = await proposal('2027-02-01', '2027-03-29');

    const result = await lead.execute(RUN, { input: { windowStart: '2027-02-01', windowEnd: '2027-05-24' } });
    expect(result.data!.runMatching.status).toBe('SUCCEEDED');
    const left = await setup.database.prisma.allocation.findMany({ where: { id: { in: [before.id, inside.id] } } });
    expect(left.map((allocation) => allocation.id)).toEqual([before.id]);
    await setup.database.prisma.allocation.delete({ where: { id: before.id } });
  });

  it('succeeds with no proposals over a window without open requests', async () => {
    const result = await lead.execute(RUN, { input: { windowStart: '2028-01-03', windowEnd: '2028-03-27' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.runMatching).toMatchObject({ status: 'SUCCEEDED', organisations: [], proposals: { totalCount: 0 } });
    expect(result.data!.runMatching.metrics.overCapacity).toBe(0);
  });

  it('applies policy overrides and records them on the run', async () => {
    const result = await lead.execute(RUN, {
      input: { ...MATCHING_WINDOW, policy: { alpha: 0.6, beta: 0.2, gamma: 0.2, maxConcurrentRequests: 2 } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.runMatching.policy).toMatchObject({ alpha: 0.6, beta: 0.2, gamma: 0.2, maxConcurrentRequests: 2 });
  });
});

describe('who may run matching', () => {
  it.each(['acuteLead', 'hospiceAnalyst'] as const)('refuses the %s with FORBIDDEN and writes nothing', async (who) => {
    const client = await setup.signIn(setup.scenario.users[who]);
    const before = await counts();
    const result = await client.execute(RUN, { input: MATCHING_WINDOW });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await counts()).toEqual(before);

    const runs = await client.execute('{ matchingRuns(first: 5) { totalCount } }');
    expect(errorCodes(runs)).toEqual(['FORBIDDEN']);
  });

  it('refuses the service call for anyone but a workforce lead', async () => {
    const viewer = await viewerFor(setup.scenario.users.acuteLead.id);
    const request = { windowStart: new Date('2026-11-30'), windowEnd: new Date('2027-05-24') };
    const compare = async () => {
      throw new Error('must not be reached');
    };
    await expect(runMatching(setup.database.prisma, viewer, request, () => TEST_TODAY, { compare })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('bad input', () => {
  it.each([
    [{ windowStart: '2027-02-01', windowEnd: '2027-01-04' }, [['input', 'windowEnd']]],
    [{ windowStart: '2026-10-05', windowEnd: '2027-01-04' }, [['input', 'windowStart']]],
    [{ ...MATCHING_WINDOW, policy: { alpha: 0.5, beta: 0.4, gamma: 0.2 } }, [['input', 'policy']]],
    [{ ...MATCHING_WINDOW, policy: { alpha: 0.5 } }, [['input', 'policy', 'beta'], ['input', 'policy', 'gamma']]],
    [{ ...MATCHING_WINDOW, policy: { maxConcurrentRequests: 0, developmentShareCap: 0.9 } }, [
      ['input', 'policy', 'maxConcurrentRequests'],
      ['input', 'policy', 'developmentShareCap'],
    ]],
    [{ windowStart: '2026-11-30', windowEnd: '2029-01-01' }, [['input', 'windowEnd']]],
  ])('rejects %j with VALIDATION_FAILED at the field and writes nothing', async (input, paths) => {
    const before = await counts();
    const result = await lead.execute(RUN, { input });
    expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
    expect(result.errors![0]!.extensions!.fields!.map((field) => field.path)).toEqual(paths);
    expect(await counts()).toEqual(before);
  });
});

describe('a run that fails', () => {
  const request = { windowStart: new Date('2026-11-30'), windowEnd: new Date('2027-05-24') };

  it('is FAILED with a readable reason and leaves no proposals when the solver throws', async () => {
    const viewer = await viewerFor(setup.scenario.users.workforceLead.id);
    const before = await setup.database.prisma.allocation.count();
    const run = await runMatching(setup.database.prisma, viewer, request, () => TEST_TODAY, {
      compare: async () => {
        throw new Error('HiGHS reported an infeasible model');
      },
    });
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('The matching engine could not finish this run: HiGHS reported an infeasible model');
    expect(await setup.database.prisma.allocation.count({ where: { runId: run.id } })).toBe(0);
    expect(await setup.database.prisma.allocation.count()).toBe(before);
  });

  it('rolls back every proposal when writing them fails half way', async () => {
    const viewer = await viewerFor(setup.scenario.users.workforceLead.id);
    const previousRun = await setup.database.prisma.matchingRun.findFirstOrThrow({ where: { status: 'SUCCEEDED' }, orderBy: { createdAt: 'desc' } });
    const previousProposals = await setup.database.prisma.allocation.count({ where: { runId: previousRun.id } });
    const run = await runMatching(setup.database.prisma, viewer, request, () => TEST_TODAY, {
      compare: async (input) => {
        const baseline = solveBaseline(input);
        const [first] = baseline.proposals;
        const broken = { ...first!, analystId: '00000000-0000-4000-8000-000000000000' };
        return { engine: { ...baseline, proposals: [...baseline.proposals, broken] }, baseline };
      },
    });
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/could not finish/);
    expect(await setup.database.prisma.allocation.count({ where: { runId: run.id } })).toBe(0);
    expect(await setup.database.prisma.allocation.count({ where: { runId: previousRun.id } })).toBe(previousProposals);
  });

  it('marks runs left RUNNING by a stopped server as FAILED', async () => {
    const stale = await setup.database.prisma.matchingRun.create({
      data: { icsId: setup.scenario.ics.id, windowStart: new Date('2026-11-30'), windowEnd: new Date('2027-05-24'), policy: {} },
    });
    const viewer = await viewerFor(setup.scenario.users.workforceLead.id);
    await expect(runMatching(setup.database.prisma, viewer, request, () => TEST_TODAY, { compare: async () => { throw new Error('unused'); } }))
      .rejects.toMatchObject({ code: 'MATCHING_IN_PROGRESS' });

    expect(await failInterruptedRuns(setup.database.prisma, TEST_TODAY)).toBe(1);
    const after = await setup.database.prisma.matchingRun.findUniqueOrThrow({ where: { id: stale.id } });
    expect(after).toMatchObject({ status: 'FAILED', finishedAt: TEST_TODAY });
    expect(after.error).toMatch(/stopped before this run finished/);
    expect(await failInterruptedRuns(setup.database.prisma, TEST_TODAY)).toBe(0);
  });
});
