import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weeklyAverage } from '../../../api/src/services/insight/weekly-average.ts';

describe('weekly average of a month total', () => {
  it('rounds to three decimals, halves up', () => {
    // 0.6 FTE for each of 4 weeks.
    expect(weeklyAverage(24_000, 4)).toBe(0.6);
    // 0.45 + 0.45 + 0.45 + 0 + 0 over 5 weeks = 0.27.
    expect(weeklyAverage(13_500, 5)).toBe(0.27);
    // 0.0005 is a half: up; 0.0004 is not.
    expect(weeklyAverage(20, 4)).toBe(0.001);
    expect(weeklyAverage(19, 4)).toBe(0);
    // 0.15 + 0.2 + 0.2 + 0.2 = 0.75 over 4 weeks = 0.1875 → 0.188.
    expect(weeklyAverage(7_500, 4)).toBe(0.188);
  });

  it('agrees with decimal rounding of the exact quotient', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60_000 }), fc.integer({ min: 1, max: 14 }), (total, weeks) => {
        // toFixed rounds the nearest double of total / (10 × weeks) thousandths half up, like numeric round().
        expect(weeklyAverage(total, weeks)).toBe(Number((total / (10 * weeks)).toFixed(0)) / 1000);
      }),
    );
  });
});
