import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationStatus } from '../../api/src/generated/prisma/enums.ts';
import { weeklyRemainingTenths } from '../../api/src/domain/capacity.ts';
import { addWeeksTo, mondaysOf, weeksBetween, type WeekSpan } from '../../api/src/domain/weeks.ts';
import { weeklyLoads } from '../../api/src/services/allocations/capacity-guard.ts';
import { startAllocationScenarioApp, week, type AllocationScenarioApp } from '../fixtures/allocation-scenario.ts';
import { fuzzParameters } from '../support/fuzz-parameters.ts';

// The capacity check computes remaining time in SQL for many analysts at once; it must agree, week by week,
// with the capacity rules of domain/capacity.ts that matching and the reports use.

const FIRST_WEEK = week('2027-01-04');
const WEEKS = 10;

let setup: AllocationScenarioApp;
let analystCount = 0;

beforeAll(async () => {
  setup = await startAllocationScenarioApp();
});

afterAll(async () => {
  await setup?.database.drop();
});

const span = fc
  .tuple(fc.integer({ min: 0, max: WEEKS - 1 }), fc.integer({ min: 0, max: WEEKS - 1 }))
  .map(([a, b]): WeekSpan => ({ startWeek: addWeeksTo(FIRST_WEEK, Math.min(a, b)), endWeek: addWeeksTo(FIRST_WEEK, Math.max(a, b)) }));
const hundredths = (max: number) => fc.integer({ min: 0, max }).map((value) => value / 100);
const held = fc.record({
  span,
  fte: fc.integer({ min: 1, max: 6 }).map((tenths) => tenths / 10),
  status: fc.constantFrom<AllocationStatus>('PROPOSED', 'ACCEPTED', 'ACTIVE', 'DECLINED', 'WITHDRAWN', 'COMPLETED'),
  confirmed: fc.boolean(),
  excluded: fc.boolean(),
});
const analystCase = fc.record({
  pooledFte: hundredths(100),
  protectedDevelopmentShare: hundredths(40),
  leftWeek: fc.option(fc.integer({ min: 0, max: WEEKS + 1 }), { nil: null }),
  availabilities: fc.array(fc.record({ span, availableFraction: hundredths(99) }), { maxLength: 3 }),
  held: fc.array(held, { maxLength: 5 }),
  bookings: fc.array(fc.record({ span, fteTenths: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3 }),
});

type AnalystCase = typeof analystCase extends fc.Arbitrary<infer T> ? T : never;

/** Writes one analyst of the case and returns what domain/capacity.ts says of each week they are booked. */
async function written(shape: AnalystCase) {
  const { prisma } = setup.database;
  const icsId = setup.scenario.ics.id;
  analystCount += 1;
  // A leaving date on the Wednesday of its week: the whole week gives nothing.
  const leftAt = shape.leftWeek === null ? null : new Date(addWeeksTo(FIRST_WEEK, shape.leftWeek).getTime() + 2 * 86_400_000);
  const analyst = await prisma.analyst.create({
    data: {
      icsId,
      organisationId: setup.scenario.organisations.acuteTrust.id,
      name: `Capacity case ${analystCount}`,
      email: `capacity.case${analystCount}@riverside.example`,
      jobTitle: 'Analyst',
      band: 'BAND_6',
      contractedFte: 1,
      pooledFte: shape.pooledFte,
      protectedDevelopmentShare: shape.protectedDevelopmentShare,
      leftAt,
      availabilities: { create: shape.availabilities.map(({ span: weeks, availableFraction }) => ({ icsId, ...weeks, availableFraction })) },
    },
  });
  const rows = await prisma.allocation.createManyAndReturn({
    data: shape.held.map(({ span: weeks, fte, status, confirmed }) => ({
      icsId,
      analystId: analyst.id,
      requestId: setup.scenario.requests.mortalityReview.id,
      fte,
      ...weeks,
      status,
      confirmedAt: confirmed ? FIRST_WEEK : null,
    })),
    select: { id: true },
  });
  const excluding = rows.filter((_, index) => shape.held[index]!.excluded).map(({ id }) => id);
  const holding = shape.held.filter(({ status, confirmed, excluded }) => !excluded && (status === 'ACCEPTED' || status === 'ACTIVE' || (status === 'PROPOSED' && confirmed)));
  const window: WeekSpan = { startWeek: FIRST_WEEK, endWeek: addWeeksTo(FIRST_WEEK, WEEKS - 1) };
  const remaining = weeklyRemainingTenths(window, {
    pooledFte: shape.pooledFte,
    protectedDevelopmentShare: shape.protectedDevelopmentShare,
    leftAt,
    availabilities: shape.availabilities.map(({ span: weeks, availableFraction }) => ({ ...weeks, availableFraction })),
    bookings: holding.map(({ span: weeks, fte }) => ({ ...weeks, fte })),
  });
  const requested = new Array<number>(WEEKS).fill(0);
  for (const { span: weeks, fteTenths } of shape.bookings) {
    for (let index = weeksBetween(FIRST_WEEK, weeks.startWeek); index <= weeksBetween(FIRST_WEEK, weeks.endWeek); index += 1) requested[index]! += fteTenths;
  }
  const expected = mondaysOf(window)
    .map((monday, index) => ({ week: monday, remainingTenths: remaining[index]!, requestedTenths: requested[index]! }))
    .filter((load) => load.requestedTenths > 0);
  const bookings = shape.bookings.map(({ span: weeks, fteTenths }) => ({ ...weeks, fteTenths }));
  return { planned: { analyst: { id: analyst.id, name: analyst.name }, bookings }, excluding, expected };
}

describe('the capacity check in SQL', () => {
  it('gives every booked week of every analyst the remaining time domain/capacity.ts gives', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(analystCase, { minLength: 1, maxLength: 3 }), async (shapes) => {
        const cases = [];
        for (const shape of shapes) cases.push(await written(shape));
        const loads = await weeklyLoads(
          setup.database.prisma,
          cases.map(({ planned }) => planned),
          cases.flatMap(({ excluding }) => excluding),
        );
        for (const { planned, expected } of cases) expect(loads.get(planned.analyst.id)).toEqual(expected);
      }),
      fuzzParameters(40),
    );
  });
});
