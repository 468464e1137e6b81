import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { holdsCapacity, overbookedWeeks, toTenths, weeklyRemainingTenths } from '../../domain/capacity.ts';
import { mondaysOf, weeksBetween, type WeekSpan } from '../../domain/weeks.ts';
import { AnalystOverCapacityError, type CapacityShortfall } from '../../errors.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** What an analyst offers the pool, as the capacity rules need it. */
export interface CapacityHolder {
  id: string;
  name: string;
  pooledFte: { toNumber(): number };
  protectedDevelopmentShare: { toNumber(): number };
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

/**
 * Each week the new bookings cover, with the analyst's remaining time before them. Allocations in
 * `excluding` do not count as held (the ones being changed).
 */
export async function weeklyLoad(
  db: Client,
  analyst: CapacityHolder,
  bookings: readonly NewBooking[],
  excluding: readonly string[] = [],
): Promise<WeekRemaining[]> {
  if (bookings.length === 0) return [];
  const window = enclosingSpan(bookings);
  const overlaps = { startWeek: { lte: window.endWeek }, endWeek: { gte: window.startWeek } };
  const availabilities = await db.availability.findMany({
    where: { analystId: analyst.id, ...overlaps },
    select: { startWeek: true, endWeek: true, availableFraction: true },
  });
  const held = await db.allocation.findMany({
    where: { AND: [holdsCapacity, { analystId: analyst.id, id: { notIn: [...excluding] }, ...overlaps }] },
    select: { startWeek: true, endWeek: true, fte: true },
  });
  const remaining = weeklyRemainingTenths(window, {
    pooledFte: analyst.pooledFte.toNumber(),
    protectedDevelopmentShare: analyst.protectedDevelopmentShare.toNumber(),
    availabilities: availabilities.map((row) => ({ ...row, availableFraction: row.availableFraction.toNumber() })),
    bookings: held.map((row) => ({ ...row, fte: row.fte.toNumber() })),
  });
  const requested = new Array<number>(remaining.length).fill(0);
  for (const booking of bookings) {
    const first = weeksBetween(window.startWeek, booking.startWeek);
    const last = weeksBetween(window.startWeek, booking.endWeek);
    for (let week = first; week <= last; week += 1) requested[week]! += booking.fteTenths;
  }
  return mondaysOf(window)
    .map((week, index) => ({ week, remainingTenths: remaining[index]!, requestedTenths: requested[index]! }))
    .filter((load) => load.requestedTenths > 0);
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
 * Throws ANALYST_OVER_CAPACITY unless the new bookings fit every week. Inside a transaction that will make
 * them hold capacity, call `lockAnalysts` first so the answer stays true until it commits.
 */
export async function assertCapacity(
  db: Client,
  analyst: CapacityHolder,
  bookings: readonly NewBooking[],
  excluding: readonly string[] = [],
): Promise<void> {
  const shortfalls = shortfallsOf(await weeklyLoad(db, analyst, bookings, excluding));
  if (shortfalls.length > 0) throw new AnalystOverCapacityError(analyst.name, shortfalls);
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
      availabilities: { select: { startWeek: true, endWeek: true, availableFraction: true } },
      allocations: { where: holdsCapacity, select: { startWeek: true, endWeek: true, fte: true } },
    },
  });
  const weeks = overbookedWeeks({
    pooledFte: analyst.pooledFte.toNumber(),
    protectedDevelopmentShare: analyst.protectedDevelopmentShare.toNumber(),
    availabilities: analyst.availabilities.map((row) => ({ ...row, availableFraction: row.availableFraction.toNumber() })),
    bookings: analyst.allocations.map((row) => ({ ...row, fte: row.fte.toNumber() })),
  });
  if (weeks.length > 0) {
    throw new AnalystOverCapacityError(
      analyst.name,
      weeks.map((week) => ({ week: week.week.toISOString().slice(0, 10), remainingFte: week.allowanceTenths / 10, requestedFte: week.bookedTenths / 10 })),
    );
  }
}

export function bookingOf(allocation: WeekSpan & { fte: number | { toNumber(): number } }): NewBooking {
  return { startWeek: allocation.startWeek, endWeek: allocation.endWeek, fteTenths: toTenths(allocation.fte) };
}

function enclosingSpan(spans: readonly WeekSpan[]): WeekSpan {
  let startWeek = spans[0]!.startWeek;
  let endWeek = spans[0]!.endWeek;
  for (const span of spans) {
    if (span.startWeek < startWeek) startWeek = span.startWeek;
    if (span.endWeek > endWeek) endWeek = span.endWeek;
  }
  return { startWeek, endWeek };
}
