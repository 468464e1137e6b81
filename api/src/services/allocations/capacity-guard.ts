import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { holdsCapacity, overbookedWeeks, toTenths } from '../../domain/capacity.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import { AnalystOverCapacityError, type CapacityShortfall } from '../../errors.ts';
import { allocatableFte, availableByWeek } from '../insight/allocatable-sql.ts';
import { bookedWeeksCte, heldWeeksCte } from './booked-weeks-sql.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** The analyst whose time a booking takes; what they offer the pool is read from the database. */
export interface CapacityHolder {
  id: string;
  name: string;
}

/** A booking about to hold an analyst's time. */
export interface NewBooking extends WeekSpan {
  fteTenths: number;
}

export interface WeekRemaining {
  week: Date;
  /** Tenths of an FTE still free before the new bookings. */
  remainingTenths: number;
  /** Tenths the new bookings would take. */
  requestedTenths: number;
}

/**
 * Locks the analysts' rows until the transaction ends, so two transactions booking the same analyst run
 * one after the other and each sees the other's bookings. Locked in id order so transactions never deadlock.
 */
export async function lockAnalysts(tx: Prisma.TransactionClient, analystIds: readonly string[]): Promise<void> {
  const ids = [...new Set(analystIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Analyst" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
}

/** New bookings of one analyst, checked together. */
export interface AnalystBookings {
  analyst: CapacityHolder;
  bookings: readonly NewBooking[];
}

interface LoadRow {
  analystId: string;
  week: Date;
  remainingTenths: number;
  requestedTenths: number;
}

/**
 * For every analyst, each week their new bookings cover with their remaining time before them, in one
 * statement whatever the number of analysts and bookings. Pooled time, protected development share and
 * availability (none from the week of a recorded leaving day) are read from the database (under the analysts' locks when the caller took them). Allocations
 * in `excluding` do not count as held (the ones being changed).
 */
export async function weeklyLoads(
  db: Client,
  planned: readonly AnalystBookings[],
  excluding: readonly string[] = [],
): Promise<Map<string, WeekRemaining[]>> {
  const bookings = planned.flatMap(({ analyst, bookings }) => bookings.map((booking) => ({ id: analyst.id, ...booking })));
  const loads = new Map<string, WeekRemaining[]>(planned.map(({ analyst }) => [analyst.id, []]));
  if (bookings.length === 0) return loads;
  const rows = await db.$queryRaw<LoadRow[]>`
    WITH ${bookedWeeksCte('requested', bookings)},
    analyst AS (
      SELECT a.id, a."pooledFte", a."protectedDevelopmentShare" FROM "Analyst" a WHERE a.id IN (SELECT id FROM requested)
    ),
    weeks AS (SELECT DISTINCT week FROM requested),
    ${availableByWeek},
    ${heldWeeksCte('held', 'requested', 'analystId', excluding)}
    SELECT r.id AS "analystId", r.week,
           (${allocatableFte} * 10)::int - COALESCE(h.tenths, 0) AS "remainingTenths",
           r.tenths AS "requestedTenths"
    FROM requested r
    JOIN analyst a ON a.id = r.id
    LEFT JOIN available av ON av.analyst_id = r.id AND av.week = r.week
    LEFT JOIN held h ON h.id = r.id AND h.week = r.week
    ORDER BY r.id, r.week`;
  for (const { analystId, ...load } of rows) loads.get(analystId)!.push(load);
  return loads;
}

/** Each week the new bookings cover, with the analyst's remaining time before them (see `weeklyLoads`). */
export async function weeklyLoad(
  db: Client,
  analyst: CapacityHolder,
  bookings: readonly NewBooking[],
  excluding: readonly string[] = [],
): Promise<WeekRemaining[]> {
  return (await weeklyLoads(db, [{ analyst, bookings }], excluding)).get(analyst.id)!;
}

/** The weeks in which the new bookings would not fit. */
export function shortfallsOf(load: readonly WeekRemaining[]): CapacityShortfall[] {
  return load
    .filter((week) => week.requestedTenths > week.remainingTenths)
    .map((week) => ({
      week: week.week.toISOString().slice(0, 10),
      remainingFte: Math.max(0, week.remainingTenths) / 10,
      requestedFte: week.requestedTenths / 10,
    }));
}

/**
 * Throws ANALYST_OVER_CAPACITY, naming every analyst (in order of name) and week that would be overbooked,
 * unless each analyst's new bookings fit every week; one statement for any number of analysts. Inside a
 * transaction that will make them hold capacity, call `lockAnalysts` first so the answer stays true until it
 * commits.
 */
export async function assertCapacity(db: Client, planned: readonly AnalystBookings[], excluding: readonly string[] = []): Promise<void> {
  const loads = await weeklyLoads(db, planned, excluding);
  const over = planned
    .map(({ analyst }) => ({ analyst: analyst.name, weeks: shortfallsOf(loads.get(analyst.id)!) }))
    .filter(({ weeks }) => weeks.length > 0)
    .sort((a, b) => a.analyst.localeCompare(b.analyst));
  if (over.length > 0) throw new AnalystOverCapacityError(over);
}

/**
 * After an analyst's leave or pooled time changes: throws ANALYST_OVER_CAPACITY if the allocations already
 * holding their time no longer fit in some week. Call `lockAnalysts` first, in the same transaction.
 */
export async function assertHeldBookingsFit(db: Client, analystId: string): Promise<void> {
  const analyst = await db.analyst.findUniqueOrThrow({
    where: { id: analystId },
    select: {
      name: true,
      pooledFte: true,
      protectedDevelopmentShare: true,
      leftAt: true,
      availabilities: { select: { startWeek: true, endWeek: true, availableFraction: true } },
      allocations: { where: holdsCapacity, select: { startWeek: true, endWeek: true, fte: true } },
    },
  });
  const weeks = overbookedWeeks({
    pooledFte: analyst.pooledFte.toNumber(),
    protectedDevelopmentShare: analyst.protectedDevelopmentShare.toNumber(),
    leftAt: analyst.leftAt,
    availabilities: analyst.availabilities.map((row) => ({ ...row, availableFraction: row.availableFraction.toNumber() })),
    bookings: analyst.allocations.map((row) => ({ ...row, fte: row.fte.toNumber() })),
  });
  if (weeks.length > 0) {
    throw new AnalystOverCapacityError([
      {
        analyst: analyst.name,
        weeks: weeks.map((week) => ({ week: week.week.toISOString().slice(0, 10), remainingFte: week.allowanceTenths / 10, requestedFte: week.bookedTenths / 10 })),
      },
    ]);
  }
}

export function bookingOf(allocation: WeekSpan & { fte: number | { toNumber(): number } }): NewBooking {
  return { startWeek: allocation.startWeek, endWeek: allocation.endWeek, fteTenths: toTenths(allocation.fte) };
}
