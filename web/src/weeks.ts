import { UTCDate } from '@date-fns/utc';
import { addWeeks, formatISO, startOfISOWeek } from 'date-fns';

// Weeks as the API names them: the Monday of an ISO week, "YYYY-MM-DD", read in UTC.

function isoDay(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/** Monday of the ISO week holding the day, "YYYY-MM-DD". */
export function mondayOf(isoDate: string): string {
  return isoDay(startOfISOWeek(new UTCDate(`${isoDate}T00:00:00Z`)));
}

export function addWeeksTo(monday: string, weeks: number): string {
  return isoDay(addWeeks(new UTCDate(`${monday}T00:00:00Z`), weeks));
}

/** The Mondays of `count` weeks from `firstMonday`. */
export function mondaysFrom(firstMonday: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addWeeksTo(firstMonday, index));
}

/** A moment's day in UTC, "YYYY-MM-DD". */
export function isoDateOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Today's date in UTC, "YYYY-MM-DD", as the browser's clock says. */
export function todayIso(): string {
  return isoDateOf(new Date());
}
