import { UTCDate } from '@date-fns/utc';
import { addWeeks, startOfISOWeek } from 'date-fns';

// Time is planned in ISO weeks, each named by its Monday. PostgreSQL `date` columns read back as UTC
// midnight, so all week arithmetic here happens in UTC, whatever the process's time zone.

/** The Monday (UTC midnight) of the ISO week containing `date`. */
export function mondayOf(date: Date): Date {
  return new Date(startOfISOWeek(new UTCDate(date)).getTime());
}

/** The Monday `count` weeks after `monday`. */
export function addWeeksTo(monday: Date, count: number): Date {
  return new Date(addWeeks(new UTCDate(monday), count).getTime());
}

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to the Monday of the UTC week holding `date` (1970-01-01 was a Thursday). */
function mondayDayNumber(date: Date): number {
  const day = Math.floor(date.getTime() / DAY_MS);
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * Whole ISO weeks from the week of `from` to the week of `to` (negative when `to` is earlier): the same as
 * date-fns' differenceInCalendarWeeks in UTC, in plain arithmetic because reports call it for every
 * analyst, availability and allocation of an ICS.
 */
export function weeksBetween(from: Date, to: Date): number {
  return (mondayDayNumber(to) - mondayDayNumber(from)) / 7;
}

/** A span of weeks named by its first and last Monday, both inclusive. */
export interface WeekSpan {
  startWeek: Date;
  endWeek: Date;
}

/** Number of weeks in a span (its first and last week both count). */
export function weekCount(span: WeekSpan): number {
  return weeksBetween(span.startWeek, span.endWeek) + 1;
}

/** Every Monday of a span, in order. */
export function mondaysOf(span: WeekSpan): Date[] {
  return Array.from({ length: weekCount(span) }, (_, index) => addWeeksTo(mondayOf(span.startWeek), index));
}

/** The week indexes `span` covers inside `window` (index 0 = the window's first week), clipped to it. */
export function indexesWithin(window: WeekSpan, span: WeekSpan): { first: number; last: number } | null {
  const first = Math.max(0, weeksBetween(window.startWeek, span.startWeek));
  const last = Math.min(weekCount(window) - 1, weeksBetween(window.startWeek, span.endWeek));
  return first <= last ? { first, last } : null;
}
