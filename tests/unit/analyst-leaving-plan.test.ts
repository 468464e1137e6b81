import { UTCDate } from '@date-fns/utc';
import { subMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymisationDueOn, leavingChanges, leavingDateIssues } from '../../api/src/services/analysts/leaving-plan.ts';

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const DAY_MS = 86_400_000;

/** The retention pass's rule (services/privacy/retention.ts): due once `leftOn <= now - months`. */
const dueAt = (now: Date, leftOn: Date, months: number) => leftOn <= subMonths(new UTCDate(now), months);

describe('anonymisationDueOn', () => {
  it('is the first day on which the retention pass finds the leaver due, for any leaving day and period', () => {
    const leavingDay = fc.integer({ min: 0, max: 60_000 }).map((days) => new Date(Date.UTC(1990, 0, 1) + days * DAY_MS));
    fc.assert(
      fc.property(leavingDay, fc.integer({ min: 1, max: 1200 }), (leftOn, months) => {
        const due = anonymisationDueOn(leftOn, months);
        expect(dueAt(due, leftOn, months)).toBe(true);
        expect(dueAt(new Date(due.getTime() - 1), leftOn, months)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('moves past a month end that the later month lacks', () => {
    expect(anonymisationDueOn(day('2026-08-31'), 6)).toEqual(day('2027-03-01'));
    expect(anonymisationDueOn(day('2026-11-20'), 24)).toEqual(day('2028-11-20'));
  });
});

describe('leavingChanges', () => {
  const allocation = (status: 'PROPOSED' | 'ACCEPTED' | 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN', startWeek: string, endWeek: string) => ({
    status,
    startWeek: day(startWeek),
    endWeek: day(endWeek),
  });

  const today = new Date('2026-11-23T09:00:00Z');

  it('on a day reached: withdraws every proposal and work not begun, ends work running past the last week, and leaves the rest', () => {
    const rows = [
      allocation('PROPOSED', '2026-10-05', '2026-10-26'),
      allocation('ACCEPTED', '2026-11-16', '2026-12-28'),
      allocation('ACTIVE', '2026-10-05', '2026-11-16'),
      allocation('ACTIVE', '2026-10-05', '2026-11-09'),
      allocation('COMPLETED', '2026-06-01', '2026-08-31'),
      allocation('WITHDRAWN', '2026-12-07', '2027-01-04'),
    ];

    const changes = leavingChanges(rows, day('2026-11-20'), today);

    expect(changes).toEqual([
      { allocation: rows[0], outcome: 'WITHDRAW', endWeek: null },
      { allocation: rows[1], outcome: 'WITHDRAW', endWeek: null },
      { allocation: rows[2], outcome: 'END', endWeek: day('2026-11-09') },
    ]);
  });

  it('on a day ahead: keeps the proposals the analyst can still decide before it and withdraws those reaching past it', () => {
    const rows = [
      allocation('PROPOSED', '2026-11-30', '2027-01-04'),
      allocation('PROPOSED', '2026-11-30', '2027-01-11'),
      allocation('PROPOSED', '2027-01-18', '2027-02-01'),
      allocation('ACCEPTED', '2027-01-04', '2027-03-01'),
      allocation('ACTIVE', '2026-10-05', '2027-01-04'),
    ];

    // Leaving on Wednesday 2027-01-13: the last working week is the one of 2027-01-04.
    const changes = leavingChanges(rows, day('2027-01-13'), today);

    expect(changes).toEqual([
      { allocation: rows[1], outcome: 'WITHDRAW', endWeek: null },
      { allocation: rows[2], outcome: 'WITHDRAW', endWeek: null },
      { allocation: rows[3], outcome: 'END', endWeek: day('2027-01-04') },
    ]);
  });
});

describe('leavingDateIssues', () => {
  const settings = { today: new Date('2026-11-23T09:00:00Z'), retentionMonthsAfterLeaving: 24, completed: [] };

  it('accepts today, a day up to 12 months ahead and the last day before personal data would be due for anonymisation', () => {
    expect(leavingDateIssues(day('2026-11-23'), settings)).toEqual([]);
    expect(leavingDateIssues(day('2026-11-24'), settings)).toEqual([]);
    expect(leavingDateIssues(day('2027-11-23'), settings)).toEqual([]);
    expect(leavingDateIssues(day('2024-11-24'), settings)).toEqual([]);
  });

  it('refuses a day more than 12 months ahead, a day whose data would be anonymised at once, and a day in or before completed work', () => {
    const completed = [{ endWeek: day('2026-08-31'), request: { title: 'Sepsis audit' } }];
    expect(leavingDateIssues(day('2027-11-24'), settings)).toEqual([{ path: ['input', 'leftOn'], message: 'Give a date no more than 12 months from today.' }]);
    expect(leavingDateIssues(day('2024-11-23'), settings)[0]!.message).toMatch(/^Give a date in the last 24 months/);
    expect(leavingDateIssues(day('2026-09-06'), { ...settings, completed })).toEqual([
      { path: ['input', 'leftOn'], message: 'Give a date after the week of 2026-08-31, when their completed work on “Sepsis audit” ended.' },
    ]);
    expect(leavingDateIssues(day('2026-09-07'), { ...settings, completed })).toEqual([]);
  });
});
