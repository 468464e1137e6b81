import { UTCDate } from '@date-fns/utc';
import { addMonths, startOfMonth, startOfQuarter } from 'date-fns';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';

// Reports group ISO weeks into calendar months and quarters: a week belongs to the month of its Monday.

export type BucketUnit = 'month' | 'quarter';

/** The first day (UTC midnight) of the month or quarter containing `date`. */
export function bucketStart(date: Date, unit: BucketUnit): Date {
  const utc = new UTCDate(date);
  return new Date((unit === 'month' ? startOfMonth(utc) : startOfQuarter(utc)).getTime());
}

/** The first day of the month `count` months after the one starting at `monthStart`. */
export function addMonthsTo(monthStart: Date, count: number): Date {
  return new Date(addMonths(new UTCDate(monthStart), count).getTime());
}

/** The Mondays whose dates fall in [from, until): the weeks of those months. */
export function weeksOfDays(from: Date, until: Date): WeekSpan {
  const firstMonday = mondayOf(from);
  const startWeek = firstMonday < from ? addWeeksTo(firstMonday, 1) : firstMonday;
  const lastMonday = mondayOf(new Date(until.getTime() - 24 * 60 * 60 * 1000));
  return { startWeek, endWeek: lastMonday };
}

/** The weeks of `count` months starting with the month of `from`. */
export function weeksOfMonths(from: Date, count: number): WeekSpan {
  const first = bucketStart(from, 'month');
  return weeksOfDays(first, addMonthsTo(first, count));
}

/** The weeks of the two calendar quarters after the one containing `today`. */
export function weeksOfNextTwoQuarters(today: Date): WeekSpan {
  const next = addMonthsTo(bucketStart(today, 'quarter'), 3);
  return weeksOfDays(next, addMonthsTo(next, 6));
}

/** "2027-01" for a month, "2027-Q1" for a quarter. */
export function bucketLabel(start: Date, unit: BucketUnit): string {
  const year = start.getUTCFullYear();
  if (unit === 'quarter') return `${year}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}
