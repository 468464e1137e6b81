import type { Prisma } from '../../generated/prisma/client.ts';
import { holdsCapacity, toTenths, weeklyBookedTenths } from '../../domain/capacity.ts';
import { mondaysOf, type WeekSpan } from '../../domain/weeks.ts';
import { RequestOverCoveredError } from '../../errors.ts';
import type { NewBooking } from './capacity-guard.ts';

/** What a request asks for, as the cover rule needs it. */
export interface CoveredRequest {
  id: string;
  title: string;
  fte: { toNumber(): number };
}

/**
 * Locks the requests' rows until the transaction ends, so two confirmations on the same request run one
 * after the other and each sees the other's bookings. Taken before the analysts' locks, in id order.
 */
export async function lockRequests(tx: Prisma.TransactionClient, requestIds: readonly string[]): Promise<void> {
  const ids = [...new Set(requestIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
}

/**
 * Throws REQUEST_OVER_COVERED unless, in every week, the time already held on the request plus the new
 * bookings stays within what the request asks for. Allocations in `excluding` (the ones being changed) do
 * not count as held.
 */
export async function assertRequestCover(
  tx: Prisma.TransactionClient,
  request: CoveredRequest,
  bookings: readonly NewBooking[],
  excluding: readonly string[] = [],
): Promise<void> {
  if (bookings.length === 0) return;
  const span: WeekSpan = {
    startWeek: new Date(Math.min(...bookings.map((booking) => booking.startWeek.getTime()))),
    endWeek: new Date(Math.max(...bookings.map((booking) => booking.endWeek.getTime()))),
  };
  const held = await tx.allocation.findMany({
    where: {
      AND: [holdsCapacity, { requestId: request.id, id: { notIn: [...excluding] }, startWeek: { lte: span.endWeek }, endWeek: { gte: span.startWeek } }],
    },
    select: { startWeek: true, endWeek: true, fte: true },
  });
  const heldTenths = weeklyBookedTenths(span, held.map((row) => ({ ...row, fte: row.fte.toNumber() })));
  const added = weeklyBookedTenths(span, bookings.map((booking) => ({ ...booking, fte: booking.fteTenths / 10 })));
  const limit = toTenths(request.fte);
  const over = mondaysOf(span)
    .map((week, index) => ({ week: week.toISOString().slice(0, 10), heldFte: heldTenths[index]! / 10, addedFte: added[index]! / 10, index }))
    .filter(({ index }) => added[index]! > 0 && heldTenths[index]! + added[index]! > limit)
    .map(({ week, heldFte, addedFte }) => ({ week, heldFte, addedFte }));
  if (over.length > 0) throw new RequestOverCoveredError(request.title, request.fte.toNumber(), over);
}

