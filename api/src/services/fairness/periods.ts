import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { FairnessBasis } from './figures.ts';

export interface ClosedFairnessPeriod {
  id: string;
  startWeek: Date;
  endWeek: Date;
  closedAt: Date;
  /** Who closed it (their name only: the period is visible to everyone in the ICS). */
  closedByName: string | null;
  /** The fairness policy in force at the close. */
  policy: FairnessBasis['policy'];
}

const readIn = new WeakMap<object, { icsId: string; periods: Promise<ClosedFairnessPeriod[]> }>();

/**
 * The ICS's closed fairness periods, latest first, read once per `request` (any object that lives as long as
 * it, such as its GraphQL context): the fairness page lists them and its report looks up the last close.
 */
export function closedFairnessPeriods(prisma: PrismaClient, icsId: string, request: object): Promise<ClosedFairnessPeriod[]> {
  const read = readIn.get(request);
  if (read?.icsId === icsId) return read.periods;
  const periods = prisma.$queryRaw<ClosedFairnessPeriod[]>`
    SELECT p.id::text, p."startWeek", p."endWeek", p."closedAt", u.name AS "closedByName", p.policy
    FROM "FairnessPeriod" p LEFT JOIN "User" u ON u.id = p."closedById"
    WHERE p."icsId" = ${icsId}::uuid
    ORDER BY p."endWeek" DESC`;
  readIn.set(request, { icsId, periods });
  return periods;
}
