import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeksTo } from '../../api/src/domain/weeks.ts';
import { fairnessFigures } from '../../api/src/services/fairness/figures.ts';
import { loadFairnessData } from '../../api/src/services/fairness/load-data.ts';
import { closedFairnessPeriods } from '../../api/src/services/fairness/periods.ts';
import { fairnessReport } from '../../api/src/services/fairness/report.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// The report sums what organisations gave, asked for and received in SQL, month by month; closing a period
// sums the same from rows in figures.ts. On any small pool, the report of a span and of each of its months
// must equal the figures worked out from the rows.

const FIRST_MONDAY = new Date('2026-01-05T00:00:00Z');
const week = (offset: number) => addWeeksTo(FIRST_MONDAY, offset);
const ORGANISATIONS = 3;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('empty');
});
afterAll(async () => {
  await database?.drop();
});

const weeks = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 })).map(([start, length]) => ({
  startWeek: week(start),
  endWeek: week(start + length),
}));
const tenths = (min: number, max: number) => fc.integer({ min, max }).map((value) => value / 10);
const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((value) => value / 100);
const organisation = fc.integer({ min: 0, max: ORGANISATIONS - 1 });

const pool = fc.record({
  policy: fc.constantFrom({ alpha: 0.4, beta: 0.4, gamma: 0.2 }, { alpha: 1, beta: 0, gamma: 0 }, { alpha: 0.2, beta: 0.3, gamma: 0.5 }),
  headcounts: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: ORGANISATIONS, maxLength: ORGANISATIONS }),
  analysts: fc.array(
    fc.record({
      organisation,
      left: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
      contractedFte: hundredths(50, 100),
      pooledShare: hundredths(0, 100),
      protectedDevelopmentShare: hundredths(0, 30),
      // Overlapping periods are refused on entry; the figures take the lowest fraction anyway.
      availabilities: fc.array(fc.tuple(weeks, tenths(0, 9)), { maxLength: 2 }),
    }),
    { maxLength: 8 },
  ),
  requests: fc.array(
    fc.record({
      organisation,
      status: fc.constantFrom('DRAFT', 'SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE', 'COMPLETED', 'CANCELLED'),
      fte: tenths(1, 10),
      weeks,
      allocations: fc.array(
        fc.record({
          analyst: fc.nat(),
          status: fc.constantFrom('PROPOSED', 'ACCEPTED', 'ACTIVE', 'COMPLETED', 'DECLINED', 'WITHDRAWN'),
          confirmed: fc.boolean(),
          fte: tenths(1, 10),
          weeks,
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 8 },
  ),
  credits: fc.array(tenths(0, 80), { minLength: ORGANISATIONS, maxLength: ORGANISATIONS }),
  span: weeks.map(({ startWeek, endWeek }) => ({ startWeek: addWeeksTo(startWeek, 2), endWeek: addWeeksTo(endWeek, 4) })),
});
type Pool = typeof pool extends fc.Arbitrary<infer T> ? T : never;

/** Writes the pool as a new ICS, with a period closed before the span carrying `credits`; returns its id. */
async function writePool(value: Pool): Promise<string> {
  const { prisma } = database;
  const ics = await prisma.ics.create({
    data: { name: 'Generated ICS', code: randomUUID(), fairnessAlpha: value.policy.alpha, fairnessBeta: value.policy.beta, fairnessGamma: value.policy.gamma },
  });
  const icsId = ics.id;
  const organisations = await Promise.all(
    value.headcounts.map((headcount, index) =>
      prisma.organisation.create({ data: { icsId, name: `Partner ${index}`, odsCode: `P${index}`, kind: 'ACUTE_TRUST', headcount, sizeBand: 'SMALL' } }),
    ),
  );
  const projects = await Promise.all(
    organisations.map((organisation) =>
      prisma.project.create({ data: { icsId, organisationId: organisation.id, title: 'Work', purpose: 'Work.', status: 'ACTIVE' } }),
    ),
  );
  const analysts: { id: string }[] = [];
  for (const analyst of value.analysts) {
    analysts.push(
      await prisma.analyst.create({
        data: {
          icsId,
          organisationId: organisations[analyst.organisation]!.id,
          name: 'Analyst',
          email: `${randomUUID()}@generated.example`,
          jobTitle: 'Analyst',
          band: 'BAND_6',
          status: analyst.left ? 'LEFT' : 'ACTIVE',
          contractedFte: analyst.contractedFte,
          pooledFte: Math.floor(analyst.contractedFte * analyst.pooledShare * 100) / 100,
          protectedDevelopmentShare: analyst.protectedDevelopmentShare,
          availabilities: { create: analyst.availabilities.map(([span, availableFraction]) => ({ icsId, ...span, availableFraction })) },
        },
      }),
    );
  }
  for (const [index, request] of value.requests.entries()) {
    const { id: requestId } = await prisma.request.create({
      data: {
        icsId,
        projectId: projects[request.organisation]!.id,
        title: `Request ${index}`,
        status: request.status,
        fte: request.fte,
        ...request.weeks,
      },
    });
    if (analysts.length === 0) continue;
    await prisma.allocation.createMany({
      data: request.allocations.map((allocation) => ({
        icsId,
        requestId,
        analystId: analysts[allocation.analyst % analysts.length]!.id,
        status: allocation.status,
        confirmedAt: allocation.confirmed ? TEST_TODAY : null,
        fte: allocation.fte,
        ...allocation.weeks,
      })),
    });
  }
  const zero = { weight: 0, entitlement: 0, claim: 0, received: 0, contribution: 0, balance: 0, creditIn: 0 };
  await prisma.fairnessPeriod.create({
    data: {
      icsId,
      startWeek: addWeeksTo(value.span.startWeek, -13),
      endWeek: addWeeksTo(value.span.startWeek, -1),
      policy: value.policy,
      closedAt: TEST_TODAY,
      balances: {
        createMany: { data: organisations.map((organisation, index) => ({ icsId, organisationId: organisation.id, ...zero, creditCarried: value.credits[index]! })) },
      },
    },
  });
  return icsId;
}

describe('the fairness report summed in SQL', () => {
  it('equals the figures worked out from rows, for the span and each of its months', async () => {
    await fc.assert(
      fc.asyncProperty(pool, async (value) => {
        const icsId = await writePool(value);
        const report = await fairnessReport(database.prisma, icsId, value.span, TEST_TODAY);
        const rows = await loadFairnessData(database.prisma, icsId, report.span);
        const ordered = (figures: ReturnType<typeof fairnessFigures>['organisations']) =>
          [...figures].sort((a, b) => a.organisationId.localeCompare(b.organisationId));

        expect(report.span).toEqual(value.span);
        const whole = fairnessFigures(rows, report.span);
        expect(report.totalSupply).toBe(whole.totalSupply);
        expect(ordered(report.organisations)).toEqual(ordered(whole.organisations).map((row) => expect.objectContaining(row)));
        expect(report.months.length).toBeGreaterThan(0);
        for (const month of report.months) {
          const expected = fairnessFigures(rows, month.span).organisations;
          expect(ordered(month.organisations)).toEqual(ordered(expected).map((row) => expect.objectContaining(row)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads the closed periods once per request, with the policy of each', async () => {
    const icsId = await writePool(fc.sample(pool, { numRuns: 1, seed: 7 })[0]!);
    const request = {};
    const first = closedFairnessPeriods(database.prisma, icsId, request);
    expect(closedFairnessPeriods(database.prisma, icsId, request)).toBe(first);
    const [period] = await first;
    expect(period).toMatchObject({ closedByName: null, policy: { alpha: expect.any(Number), beta: expect.any(Number), gamma: expect.any(Number) } });
    const another = closedFairnessPeriods(database.prisma, icsId, {});
    expect(another).not.toBe(first);
    expect(await another).toEqual(await first);
  });
});
