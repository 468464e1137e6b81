import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import type { FairnessData } from './figures.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** Requests that claimed pool time: submitted, whether since matched, active or completed. */
export const CLAIMING_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE', 'COMPLETED'] as const;

/** Allocations (aliased `x`) that hold capacity now (domain/capacity.ts), or held it until they completed. */
export const heldOrCompletedAllocation = Prisma.sql`((x.status = 'PROPOSED' AND x."confirmedAt" IS NOT NULL) OR x.status IN ('ACCEPTED', 'ACTIVE', 'COMPLETED'))`;

/** Everything the fairness figures of `span` need, in a fixed number of statements of flat rows. */
export async function loadFairnessData(prisma: Client, icsId: string, span: WeekSpan): Promise<FairnessData> {
  const overlaps = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}."startWeek" <= ${span.endWeek}::date AND ${Prisma.raw(alias)}."endWeek" >= ${span.startWeek}::date`;
  const claiming = Prisma.join(CLAIMING_STATUSES.map((status) => Prisma.sql`${status}::"RequestStatus"`));
  const [ics, organisations, analysts, availabilities, requests, received, previous] = await Promise.all([
    prisma.ics.findUniqueOrThrow({ where: { id: icsId }, select: { fairnessAlpha: true, fairnessBeta: true, fairnessGamma: true } }),
    prisma.organisation.findMany({ where: { icsId }, select: { id: true, name: true, headcount: true }, orderBy: { name: 'asc' } }),
    prisma.$queryRaw<AnalystRow[]>`
      SELECT id::text, "organisationId"::text AS "organisationId", "contractedFte"::float8 AS "contractedFte",
             "pooledFte"::float8 AS "pooledFte", "protectedDevelopmentShare"::float8 AS "protectedDevelopmentShare"
      FROM "Analyst" WHERE "icsId" = ${icsId}::uuid AND status = 'ACTIVE'
      ORDER BY id`,
    prisma.$queryRaw<AvailabilityRow[]>`
      SELECT v."analystId"::text AS "analystId", v."startWeek", v."endWeek", v."availableFraction"::float8 AS "availableFraction"
      FROM "Availability" v JOIN "Analyst" a ON a.id = v."analystId"
      WHERE a."icsId" = ${icsId}::uuid AND a.status = 'ACTIVE' AND ${overlaps('v')}`,
    prisma.$queryRaw<FairnessData['requests']>`
      SELECT r.id::text, p."organisationId"::text AS "organisationId", r.fte::float8 AS fte, r."startWeek", r."endWeek"
      FROM "Request" r JOIN "Project" p ON p.id = r."projectId"
      WHERE r."icsId" = ${icsId}::uuid AND r.status IN (${claiming}) AND ${overlaps('r')}`,
    prisma.$queryRaw<FairnessData['received']>`
      SELECT p."organisationId"::text AS "organisationId", x.fte::float8 AS fte, x."startWeek", x."endWeek"
      FROM "Allocation" x JOIN "Request" r ON r.id = x."requestId" JOIN "Project" p ON p.id = r."projectId"
      WHERE x."icsId" = ${icsId}::uuid AND ${overlaps('x')} AND ${heldOrCompletedAllocation}`,
    prisma.fairnessPeriod.findFirst({
      where: { icsId, endWeek: { lt: span.startWeek } },
      orderBy: { endWeek: 'desc' },
      select: { balances: { select: { organisationId: true, creditCarried: true } } },
    }),
  ]);
  const availabilitiesOf = new Map<string, FairnessData['analysts'][number]['availabilities']>();
  for (const { analystId, ...availability } of availabilities) {
    const listed = availabilitiesOf.get(analystId);
    if (listed) listed.push(availability);
    else availabilitiesOf.set(analystId, [availability]);
  }
  return {
    policy: { alpha: ics.fairnessAlpha.toNumber(), beta: ics.fairnessBeta.toNumber(), gamma: ics.fairnessGamma.toNumber() },
    organisations,
    analysts: analysts.map((analyst) => ({
      ...analyst,
      availabilities: availabilitiesOf.get(analyst.id) ?? [],
    })),
    requests,
    received,
    creditIn: new Map((previous?.balances ?? []).map((balance) => [balance.organisationId, balance.creditCarried.toNumber()])),
  };
}

type AnalystRow = Omit<FairnessData['analysts'][number], 'availabilities'>;
type AvailabilityRow = FairnessData['analysts'][number]['availabilities'][number] & { analystId: string };
