import { describe, expect, it } from 'vitest';
import { week } from '../../api/src/services/csv/cells.ts';
import { ProblemList } from '../../api/src/services/csv/problems.ts';

const read = (value: string) => {
  const problems = new ProblemList();
  const monday = week(value, { row: 2, column: 'start_week', problems });
  return { monday: monday?.toISOString().slice(0, 10) ?? null, problems: problems.items.map((problem) => problem.message) };
};

describe('a week read from a CSV cell', () => {
  it('is the Monday of the date, written as ISO, UK day/month/year or an Excel serial', () => {
    expect(read('2027-01-06').monday).toBe('2027-01-04');
    expect(read('06/01/2027').monday).toBe('2027-01-04');
    expect(read('46391').monday).toBe('2027-01-04');
  });

  it('refuses a date whose Monday falls before 1980, so every week read can be exported and read back', () => {
    // 1 January 1980 is a Tuesday: its week began on 31 December 1979.
    expect(read('1980-01-01')).toEqual({ monday: null, problems: ['"1980-01-01" is not a date; write it as 2027-01-04 or 04/01/2027.'] });
    expect(read('1979-12-31').monday).toBeNull();
    expect(read('1980-01-07').monday).toBe('1980-01-07');
  });
});
