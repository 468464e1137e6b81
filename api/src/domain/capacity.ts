import { Prisma } from '../generated/prisma/client.ts';
import { indexesWithin, mondaysOf, weekCount, weeksBetween, type WeekSpan } from './weeks.ts';

// Capacity is counted in tenths of an FTE (half a day a week), as integers, so sums never drift.

export function toTenths(fte: number | { toNumber(): number }): number {
  return Math.round((typeof fte === 'number' ? fte : fte.toNumber()) * 10);
}

/**
 * Allocations that hold an analyst's time: a proposal the workforce lead has confirmed (it now awaits the
 * parties' decisions), an accepted one and an active one. Unconfirmed proposals and finished, declined or
 * withdrawn allocations hold nothing.
 */
export const holdsCapacity: Prisma.AllocationWhereInput = {
  OR: [{ status: 'PROPOSED', confirmedAt: { not: null } }, { status: { in: ['ACCEPTED', 'ACTIVE'] } }],
};

/** `holdsCapacity` as an SQL condition on the allocation aliased `x`. */
export const holdsCapacitySql = Prisma.sql`((x.status = 'PROPOSED' AND x."confirmedAt" IS NOT NULL) OR x.status IN ('ACCEPTED', 'ACTIVE'))`;

export interface CapacitySource {
  pooledFte: number;
  /** Share of pooled time kept for the analyst's own development; never allocated. */
  protectedDevelopmentShare: number;
  /** Weeks of leave (fraction 0) or reduced availability; overlapping ranges take the lowest fraction. */
  availabilities: readonly (WeekSpan & { availableFraction: number })[];
  /** The analyst's leaving date, when one is recorded: from its week on they give nothing. */
  leftAt?: Date | null;
  /** Allocations that hold capacity (see `holdsCapacity`). */
  bookings: readonly (WeekSpan & { fte: number })[];
}

/** Allocatable pooled time in each week of `window`, in tenths of an FTE, before bookings. */
export function weeklyAllowanceTenths(window: WeekSpan, source: Omit<CapacitySource, 'bookings'>): number[] {
  const fractions = new Array<number>(weekCount(window)).fill(1);
  for (const availability of source.availabilities) {
    const span = indexesWithin(window, availability);
    if (!span) continue;
    for (let week = span.first; week <= span.last; week += 1) {
      fractions[week] = Math.min(fractions[week]!, availability.availableFraction);
    }
  }
  if (source.leftAt) fractions.fill(0, Math.max(0, weeksBetween(window.startWeek, source.leftAt)));
  const allocatable = source.pooledFte * (1 - source.protectedDevelopmentShare);
  // Rounded down to whole tenths; the epsilon keeps 0.3 × 10 from becoming 2.
  return fractions.map((fraction) => Math.floor(allocatable * fraction * 10 + 1e-9));
}

/** Tenths of an FTE booked in each week of `window`. */
export function weeklyBookedTenths(window: WeekSpan, bookings: CapacitySource['bookings']): number[] {
  const booked = new Array<number>(weekCount(window)).fill(0);
  for (const booking of bookings) {
    const span = indexesWithin(window, booking);
    if (!span) continue;
    for (let week = span.first; week <= span.last; week += 1) booked[week]! += toTenths(booking.fte);
  }
  return booked;
}

/** Remaining allocatable time in each week of `window`, in tenths of an FTE; negative means overbooked. */
export function weeklyRemainingTenths(window: WeekSpan, source: CapacitySource): number[] {
  const booked = weeklyBookedTenths(window, source.bookings);
  return weeklyAllowanceTenths(window, source).map((allowance, week) => allowance - booked[week]!);
}

export interface OverbookedWeek {
  week: Date;
  allowanceTenths: number;
  bookedTenths: number;
}

/**
 * Weeks in which the bookings that already hold an analyst's time exceed what they can now give, e.g. after
 * leave is recorded or pooled time is reduced. Empty when everything still fits.
 */
export function overbookedWeeks(source: CapacitySource): OverbookedWeek[] {
  if (source.bookings.length === 0) return [];
  const window: WeekSpan = {
    startWeek: new Date(Math.min(...source.bookings.map((booking) => booking.startWeek.getTime()))),
    endWeek: new Date(Math.max(...source.bookings.map((booking) => booking.endWeek.getTime()))),
  };
  const allowance = weeklyAllowanceTenths(window, source);
  const booked = weeklyBookedTenths(window, source.bookings);
  return mondaysOf(window)
    .map((week, index) => ({ week, allowanceTenths: allowance[index]!, bookedTenths: booked[index]! }))
    .filter((week) => week.bookedTenths > week.allowanceTenths);
}
