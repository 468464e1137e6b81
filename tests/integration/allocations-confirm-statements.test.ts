import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeksTo } from '../../api/src/domain/weeks.ts';
import { StaleVersionError } from '../../api/src/errors.ts';
import { allocationFields, changeAllocations } from '../../api/src/services/allocations/records.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import { startAllocationScenarioApp, week, type AllocationScenarioApp } from '../fixtures/allocation-scenario.ts';

// Confirming proposals costs the same number of SQL statements however many there are: capacity, request
// cover, the version-checked update and the audit rows are each one statement for the whole batch.

const FIRST_WEEK = week('2027-05-03');
const LAST_WEEK = addWeeksTo(FIRST_WEEK, 3);

const CONFIRM_IDS = /* GraphQL */ `
  mutation ($input: ConfirmAllocationsInput!) { confirmAllocations(input: $input) { id confirmed version analyst { id name } request { id title } } }
`;

let statements = 0;
let setup: AllocationScenarioApp;
let lead: ApiClient;
let batch = 0;

beforeAll(async () => {
  setup = await startAllocationScenarioApp({ onQuery: () => (statements += 1) });
  lead = await new ApiClient(setup.app.yoga).signInAs(setup.scenario.users.workforceLead);
});

afterAll(async () => {
  await setup?.database.drop();
});

/**
 * `count` new analysts (0.4 FTE allocatable) and as many requests (0.4 FTE, no must-have skills), in a
 * succeeded matching run proposing each analyst for 0.2 FTE on two requests, so every analyst and request
 * carries two proposals. With `fte` higher, the first `overbooked` analysts' two proposals no longer fit.
 */
async function proposedRun(count: number, { overbooked = 0 } = {}) {
  batch += 1;
  const { prisma } = setup.database;
  const icsId = setup.scenario.ics.id;
  const analysts = await prisma.analyst.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => ({
      icsId,
      organisationId: setup.scenario.organisations.acuteTrust.id,
      name: `Batch ${batch} analyst ${index + 1}`,
      email: `batch${batch}.analyst${index + 1}@riverside.example`,
      jobTitle: 'Analyst',
      band: 'BAND_6' as const,
      contractedFte: 1,
      pooledFte: 0.4,
      protectedDevelopmentShare: 0,
    })),
    select: { id: true, name: true },
  });
  const requests = await prisma.request.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => ({
      icsId,
      projectId: setup.scenario.projects.hospiceActive.id,
      title: `Batch ${batch} request ${index + 1}`,
      fte: 0.4,
      startWeek: FIRST_WEEK,
      endWeek: LAST_WEEK,
      status: 'SUBMITTED' as const,
    })),
    select: { id: true },
  });
  const run = await prisma.matchingRun.create({
    data: { icsId, windowStart: FIRST_WEEK, windowEnd: LAST_WEEK, policy: {}, status: 'SUCCEEDED', finishedAt: FIRST_WEEK },
  });
  const proposals = await prisma.allocation.createManyAndReturn({
    data: analysts.flatMap((analyst, index) =>
      [requests[index]!, requests[(index + 1) % count]!].map((request) => ({
        icsId,
        analystId: analyst.id,
        requestId: request.id,
        runId: run.id,
        fte: index < overbooked ? 0.3 : 0.2,
        startWeek: FIRST_WEEK,
        endWeek: LAST_WEEK,
      })),
    ),
    select: { id: true },
  });
  return { runId: run.id, ids: proposals.map(({ id }) => id), analysts };
}

async function statementsOf(input: { ids: string[] } | { runId: string }) {
  await new Promise((resolve) => setImmediate(resolve));
  statements = 0;
  const result = await lead.execute(CONFIRM_IDS, { input });
  await new Promise((resolve) => setImmediate(resolve)); // query events are emitted after the result
  expect(result.errors, result.text).toBeUndefined();
  return { statements, confirmed: result.data!.confirmAllocations as { confirmed: boolean }[] };
}

describe('confirming proposals', () => {
  it.each([
    ['a whole run', (run: { runId: string }) => ({ runId: run.runId })],
    ['proposals by id', (run: { ids: string[] }) => ({ ids: run.ids })],
  ])('costs as many statements for 50 analysts as for 5: %s', async (_, inputOf) => {
    await statementsOf(inputOf(await proposedRun(2))); // the first execution may prepare what later ones reuse
    const few = await statementsOf(inputOf(await proposedRun(5)));
    const many = await statementsOf(inputOf(await proposedRun(50)));
    expect(few.confirmed).toHaveLength(10);
    expect(many.confirmed).toHaveLength(100);
    expect(many.confirmed.every((allocation) => allocation.confirmed)).toBe(true);
    expect(many.statements).toBe(few.statements);
  });

  it('audits every confirmed proposal and the run, in one transaction with them', async () => {
    const run = await proposedRun(20);
    await statementsOf({ runId: run.runId });
    const { prisma } = setup.database;
    expect(await prisma.auditEvent.count({ where: { action: 'allocation.confirm', entityId: { in: run.ids } } })).toBe(40);
    expect(await prisma.auditEvent.count({ where: { action: 'matchingRun.confirm', entityId: run.runId } })).toBe(1);
    expect(await prisma.allocation.count({ where: { id: { in: run.ids }, confirmedAt: { not: null }, version: 2 } })).toBe(40);
  });

  it('names every overbooked analyst and week, and confirms none', async () => {
    const run = await proposedRun(6, { overbooked: 2 });
    const result = await lead.execute(CONFIRM_IDS, { input: { runId: run.runId } });
    expect(errorCodes(result)).toEqual(['ANALYST_OVER_CAPACITY']);
    const weeks = ['2027-05-03', '2027-05-10', '2027-05-17', '2027-05-24'].map((week) => ({ week, remainingFte: 0.4, requestedFte: 0.6 }));
    const [first, second] = run.analysts.slice(0, 2);
    expect(result.errors![0]!.extensions!.analysts).toEqual([
      { analyst: first!.name, weeks },
      { analyst: second!.name, weeks },
    ]);
    expect(result.errors![0]!.message).toBe(
      `${first!.name} does not have the time: weeks of 2027-05-03 to 2027-05-24: 0.4 FTE left, 0.6 FTE asked. ` +
        `${second!.name} does not have the time: weeks of 2027-05-03 to 2027-05-24: 0.4 FTE left, 0.6 FTE asked.`,
    );
    expect(await setup.database.prisma.allocation.count({ where: { id: { in: run.ids }, confirmedAt: { not: null } } })).toBe(0);
  });
});

describe('changing many allocations at once', () => {
  it('changes none of them when one is no longer at its version, and audits nothing', async () => {
    const { prisma } = setup.database;
    const run = await proposedRun(5);
    const before = await prisma.allocation.findMany({ where: { id: { in: run.ids } }, select: allocationFields, orderBy: { id: 'asc' } });
    const auditBefore = await prisma.auditEvent.count();
    await expect(
      prisma.$transaction((tx) =>
        changeAllocations(
          tx,
          before.map((allocation, index) => ({ before: allocation, version: index === 3 ? allocation.version + 1 : allocation.version })),
          { data: { fte: 0.1 }, action: 'allocation.proposal.update', actorId: null },
        ),
      ),
    ).rejects.toThrow(StaleVersionError);
    expect(await prisma.allocation.findMany({ where: { id: { in: run.ids } }, select: allocationFields, orderBy: { id: 'asc' } })).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });
});
