import { Prisma } from '../../generated/prisma/client.ts';
import { holdsCapacitySql } from '../../domain/capacity.ts';
import type { NewBooking } from './capacity-guard.ts';

/** A new booking of whatever `id` names: an analyst's time or a request's cover. */
export interface BookingOf extends NewBooking {
  id: string;
}

/**
 * The CTE `name(id, week, tenths)`: the tenths of an FTE the new bookings add in each of their weeks, per id,
 * from arrays sent as four parameters however many bookings there are.
 */
export function bookedWeeksCte(name: string, bookings: readonly BookingOf[]): Prisma.Sql {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return Prisma.sql`${Prisma.raw(name)} AS (
      SELECT b.id, w::date AS week, sum(b.tenths)::int AS tenths
      FROM unnest(
        ${bookings.map((booking) => booking.id)}::uuid[], ${bookings.map((booking) => day(booking.startWeek))}::date[],
        ${bookings.map((booking) => day(booking.endWeek))}::date[], ${bookings.map((booking) => booking.fteTenths)}::int[]
      ) AS b(id, start_week, end_week, tenths)
      CROSS JOIN LATERAL generate_series(b.start_week, b.end_week, interval '7 days') AS w
      GROUP BY b.id, w::date
    )`;
}

/**
 * The CTE `name(id, week, tenths)`: for each id and week of the CTE `of` (made by `bookedWeeksCte`), the tenths
 * already held there by allocations whose `column` is that id (see `holdsCapacity`), leaving out `excluding`.
 */
export function heldWeeksCte(name: string, of: string, column: 'analystId' | 'requestId', excluding: readonly string[]): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(name)} AS (
      SELECT o.id, o.week, sum(x.fte * 10)::int AS tenths
      FROM ${Prisma.raw(of)} o
      JOIN "Allocation" x ON x.${Prisma.raw(`"${column}"`)} = o.id AND o.week BETWEEN x."startWeek" AND x."endWeek"
      WHERE ${holdsCapacitySql} AND x.id <> ALL(${[...excluding]}::uuid[])
      GROUP BY o.id, o.week
    )`;
}
