import { UTCDate } from '@date-fns/utc';
import { differenceInCalendarWeeks } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weeksBetween } from '../../../api/src/domain/weeks.ts';

// Any instant from 1900 to 2200, to the millisecond.
const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true });

describe('weeksBetween', () => {
  it('counts ISO weeks as date-fns does in UTC, for any two instants', () => {
    fc.assert(
      fc.property(instant, instant, (from, to) => {
        expect(weeksBetween(from, to)).toBe(differenceInCalendarWeeks(new UTCDate(to), new UTCDate(from), { weekStartsOn: 1 }));
      }),
      { numRuns: 5_000 },
    );
  });

  it('puts Sunday night in the week of the Monday before it', () => {
    expect(weeksBetween(new Date('2027-01-04T00:00:00Z'), new Date('2027-01-10T23:59:59.999Z'))).toBe(0);
    expect(weeksBetween(new Date('2027-01-10T23:59:59.999Z'), new Date('2027-01-11T00:00:00Z'))).toBe(1);
    expect(weeksBetween(new Date('1969-12-29T00:00:00Z'), new Date('1970-01-05T00:00:00Z'))).toBe(1);
  });
});
