import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import { allocatableTenthsAt, availableByWeek } from '../insight/allocatable-sql.ts';
import type { FairnessBasis, OrganisationFairness, OrganisationTotals } from './figures.ts';
import { CLAIMING_STATUSES, heldOrCompletedAllocation } from './load-data.ts';

type Client = PrismaClient | Prisma.TransactionClient;

type NamedOrganisation = FairnessBasis['organisations'][number] & { name: string };

export interface FairnessTotals {
  basis: Omit<FairnessBasis, 'organisations'> & { organisations: NamedOrganisation[] };
  /** Each organisation's totals in each calendar month of the span ("2027-01"), months with none absent. */
  months: Map<string, Map<string, OrganisationTotals>>;
  /** The figures frozen by the closed period that is exactly the span, if asked for. */
  frozen: OrganisationFairness[] | null;
}

export interface PeriodsToRead {
  /** The last period closed before the span: its carried credit is the span's credit in. */
  creditFrom?: string;
  /** The closed period that is exactly the span. */
  frozen?: string;
}

interface Loaded {
  policy: FairnessBasis['policy'];
  organisations: NamedOrganisation[] | null;
  /** [organisation id, month, given, claimed, received]. */
  totals: [string, string, number, number, number][] | null;
  creditIn: Record<string, number> | null;
  frozen: OrganisationFairness[] | null;
}

/**
 * What the fairness report of `span` needs, in one statement: PostgreSQL sums each organisation's tenth-weeks
 * per month (what `organisationTotals` in figures.ts sums from rows, with the same rounding: a week belongs to
 * the month of its Monday, capacity is floored to a tenth after availability), so the API handles a few rows
 * per organisation and month instead of every analyst, availability, request and allocation.
 */
export async function loadFairnessTotals(prisma: Client, icsId: string, span: WeekSpan, periods: PeriodsToRead): Promise<FairnessTotals> {
  const ics = Prisma.sql`${icsId}::uuid`;
  const claiming = Prisma.join(CLAIMING_STATUSES.map((status) => Prisma.sql`${status}::"RequestStatus"`));
  const overlaps = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}."startWeek" <= ${span.endWeek}::date AND ${Prisma.raw(alias)}."endWeek" >= ${span.startWeek}::date`;
  const fullWeek = allocatableTenthsAt(Prisma.sql`1`);
  const weeksOf = (alias: string) =>
    Prisma.sql`((least(${Prisma.raw(alias)}."endWeek", m.last_week) - greatest(${Prisma.raw(alias)}."startWeek", m.first_week)) / 7 + 1)`;
  const inMonth = (alias: string) => Prisma.sql`${Prisma.raw(alias)}."startWeek" <= m.last_week AND ${Prisma.raw(alias)}."endWeek" >= m.first_week`;
  const [row] = await prisma.$queryRaw<[{ loaded: string }]>`
    WITH weeks AS (
      SELECT week::date, to_char(week, 'YYYY-MM') AS month
      FROM generate_series(${span.startWeek}::date, ${span.endWeek}::date, interval '1 week') AS week
    ),
    months AS (SELECT month, min(week) AS first_week, max(week) AS last_week, count(*) AS weeks FROM weeks GROUP BY month),
    analyst AS (
      SELECT id, "organisationId", "contractedFte", "pooledFte", "protectedDevelopmentShare"
      FROM "Analyst" WHERE "icsId" = ${ics} AND status = 'ACTIVE'
    ),
    own AS (
      SELECT a."organisationId", sum(a."contractedFte") AS fte, sum(${fullWeek}) AS weekly_tenths FROM analyst a GROUP BY 1
    ),
    ${availableByWeek},
    parts (organisation_id, month, given, claimed, received) AS (
      SELECT own."organisationId", m.month, own.weekly_tenths * m.weeks, 0, 0 FROM own CROSS JOIN months m
      UNION ALL
      -- Weeks of reduced availability give less than the full allowance counted above.
      SELECT a."organisationId", wk.month, sum(${allocatableTenthsAt(Prisma.sql`av.fraction`)} - ${fullWeek}), 0, 0
      FROM available av JOIN analyst a ON a.id = av.analyst_id JOIN weeks wk ON wk.week = av.week
      GROUP BY 1, 2
      UNION ALL
      SELECT p."organisationId", m.month, 0, sum(r.fte * 10 * ${weeksOf('r')}), 0
      FROM "Request" r JOIN "Project" p ON p.id = r."projectId" JOIN months m ON ${inMonth('r')}
      WHERE r."icsId" = ${ics} AND r.status IN (${claiming}) AND ${overlaps('r')}
      GROUP BY 1, 2
      UNION ALL
      SELECT p."organisationId", m.month, 0, 0, sum(x.fte * 10 * ${weeksOf('x')})
      FROM "Allocation" x JOIN "Request" r ON r.id = x."requestId" JOIN "Project" p ON p.id = r."projectId" JOIN months m ON ${inMonth('x')}
      WHERE x."icsId" = ${ics} AND ${overlaps('x')} AND ${heldOrCompletedAllocation}
      GROUP BY 1, 2
    )
    SELECT json_build_object(
      'policy', (SELECT json_build_object('alpha', "fairnessAlpha", 'beta', "fairnessBeta", 'gamma', "fairnessGamma") FROM "Ics" WHERE id = ${ics}),
      'organisations', (
        SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'headcount', o.headcount, 'ownFte', COALESCE(own.fte, 0)) ORDER BY o.name)
        FROM "Organisation" o LEFT JOIN own ON own."organisationId" = o.id WHERE o."icsId" = ${ics}
      ),
      'totals', (
        SELECT json_agg(json_build_array(organisation_id, month, given, claimed, received))
        FROM (SELECT organisation_id, month, sum(given) AS given, sum(claimed) AS claimed, sum(received) AS received FROM parts GROUP BY 1, 2) AS summed
      ),
      'creditIn', (
        SELECT json_object_agg(b."organisationId", b."creditCarried") FROM "FairnessPeriodBalance" b WHERE b."periodId" = ${periods.creditFrom ?? null}::uuid
      ),
      'frozen', (
        SELECT json_agg(json_build_object(
          'organisationId', b."organisationId", 'weight', b.weight, 'entitlement', b.entitlement, 'claim', b.claim,
          'received', b.received, 'satisfaction', b.satisfaction, 'contribution', b.contribution, 'balance', b.balance,
          'creditIn', b."creditIn", 'creditCarried', b."creditCarried"))
        FROM "FairnessPeriodBalance" b WHERE b."periodId" = ${periods.frozen ?? null}::uuid
      )
    )::text AS loaded`;
  const loaded = JSON.parse(row.loaded) as Loaded;
  const months = new Map<string, Map<string, OrganisationTotals>>();
  for (const [organisationId, month, given, claimed, received] of loaded.totals ?? []) {
    const byOrganisation = months.get(month) ?? months.set(month, new Map()).get(month)!;
    byOrganisation.set(organisationId, { given, claimed, received });
  }
  return {
    basis: { policy: loaded.policy, organisations: loaded.organisations ?? [], creditIn: new Map(Object.entries(loaded.creditIn ?? {})) },
    months,
    frozen: periods.frozen ? (loaded.frozen ?? []) : null,
  };
}
