import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overbookedWeeks, weeklyAllowanceTenths, weeklyRemainingTenths } from '../../../api/src/domain/capacity.ts';
import { addWeeksTo, indexesWithin, mondayOf, weekCount } from '../../../api/src/domain/weeks.ts';

const monday = (day: string) => new Date(`${day}T00:00:00Z`);
const window = { startWeek: monday('2027-01-04'), endWeek: monday('2027-01-25') };

describe('weeks', () => {
  it('names a week by its Monday at UTC midnight and counts both ends of a span', () => {
    expect(mondayOf(new Date('2027-01-10T23:30:00Z'))).toEqual(monday('2027-01-04'));
    expect(weekCount(window)).toBe(4);
    expect(indexesWithin(window, { startWeek: monday('2026-12-21'), endWeek: monday('2027-01-11') })).toEqual({ first: 0, last: 1 });
    expect(indexesWithin(window, { startWeek: monday('2027-02-01'), endWeek: monday('2027-02-08') })).toBeNull();
  });
});

describe('capacity', () => {
  it('takes protected development time and the lowest availability off pooled time, in whole tenths', () => {
    const source = {
      pooledFte: 0.5,
      protectedDevelopmentShare: 0.1,
      availabilities: [
        { startWeek: monday('2027-01-11'), endWeek: monday('2027-01-18'), availableFraction: 0.5 },
        { startWeek: monday('2027-01-18'), endWeek: monday('2027-01-18'), availableFraction: 0 },
      ],
    };
    // 0.5 × 0.9 = 0.45 → 4 tenths; half of it → 2.25 → 2; leave → 0.
    expect(weeklyAllowanceTenths(window, source)).toEqual([4, 2, 0, 4]);
    const bookings = [{ startWeek: monday('2027-01-04'), endWeek: monday('2027-01-11'), fte: 0.3 }];
    expect(weeklyRemainingTenths(window, { ...source, bookings })).toEqual([1, -1, 0, 4]);
    expect(overbookedWeeks({ ...source, bookings })).toEqual([{ week: monday('2027-01-11'), allowanceTenths: 2, bookedTenths: 3 }]);
  });

  it('gives nothing from the week of a recorded leaving day on', () => {
    const source = { pooledFte: 0.5, protectedDevelopmentShare: 0, availabilities: [] };
    expect(weeklyAllowanceTenths(window, { ...source, leftAt: monday('2027-01-13') })).toEqual([5, 0, 0, 0]);
    expect(weeklyAllowanceTenths(window, { ...source, leftAt: monday('2026-12-30') })).toEqual([0, 0, 0, 0]);
    expect(weeklyAllowanceTenths(window, { ...source, leftAt: monday('2027-02-01') })).toEqual([5, 5, 5, 5]);
  });

  it('never reports a week as overbooked when every booking fits what remains', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.record({ first: fc.nat(3), length: fc.nat(3), tenths: fc.integer({ min: 1, max: 3 }) }), { maxLength: 5 }),
        (pooledTenths, shapes) => {
          const source = { pooledFte: pooledTenths / 10, protectedDevelopmentShare: 0, availabilities: [] };
          const bookings: { startWeek: Date; endWeek: Date; fte: number }[] = [];
          for (const { first, length, tenths } of shapes) {
            const booking = { startWeek: addWeeksTo(window.startWeek, first), endWeek: addWeeksTo(window.startWeek, Math.min(3, first + length)), fte: tenths / 10 };
            const remaining = weeklyRemainingTenths(window, { ...source, bookings: [...bookings, booking] });
            if (remaining.every((tenthsLeft) => tenthsLeft >= 0)) bookings.push(booking);
          }
          expect(overbookedWeeks({ ...source, bookings })).toEqual([]);
        },
      ),
    );
  });
});
