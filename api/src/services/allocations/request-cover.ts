import type { Prisma } from '../../generated/prisma/client.ts';
import { RequestOverCoveredError } from '../../errors.ts';
import { bookedWeeksCte, heldWeeksCte } from './booked-weeks-sql.ts';
import type { NewBooking } from './capacity-guard.ts';

/**
 * Locks the requests' rows until the transaction ends, so two confirmations on the same request run one
 * after the other and each sees the other's bookings. Taken before the analysts' locks, in id order.
 */
export async function lockRequests(tx: Prisma.TransactionClient, requestIds: readonly string[]): Promise<void> {
  const ids = [...new Set(requestIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
}

/** A booking about to hold time on a request. */
export interface RequestBooking extends NewBooking {
  requestId: string;
}

interface OverRow {
  requestId: string;
  title: string;
  requestTenths: number;
  week: Date;
  heldTenths: number;
  addedTenths: number;
}

/**
 * Throws REQUEST_OVER_COVERED unless, in every week, the time already held on each request plus the new
 * bookings stays within what the request asks for; one statement for any number of requests. Allocations in
 * `excluding` (the ones being changed) do not count as held. Call `lockRequests` first, in the same transaction.
 */
export async function assertRequestCover(
  tx: Prisma.TransactionClient,
  bookings: readonly RequestBooking[],
  excluding: readonly string[] = [],
): Promise<void> {
  if (bookings.length === 0) return;
  const over = await tx.$queryRaw<OverRow[]>`
    WITH ${bookedWeeksCte('added', bookings.map(({ requestId, ...booking }) => ({ id: requestId, ...booking })))},
    ${heldWeeksCte('held', 'added', 'requestId', excluding)}
    SELECT r.id AS "requestId", r.title, (r.fte * 10)::int AS "requestTenths", ad.week,
           COALESCE(h.tenths, 0) AS "heldTenths", ad.tenths AS "addedTenths"
    FROM added ad
    JOIN "Request" r ON r.id = ad.id
    LEFT JOIN held h ON h.id = ad.id AND h.week = ad.week
    WHERE COALESCE(h.tenths, 0) + ad.tenths > r.fte * 10
    ORDER BY r.id, ad.week`;
  const first = over[0];
  if (!first) return;
  const weeks = over
    .filter((row) => row.requestId === first.requestId)
    .map((row) => ({ week: row.week.toISOString().slice(0, 10), heldFte: row.heldTenths / 10, addedFte: row.addedTenths / 10 }));
  throw new RequestOverCoveredError(first.title, first.requestTenths / 10, weeks);
}
