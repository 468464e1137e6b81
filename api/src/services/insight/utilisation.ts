import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { isLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import { ForbiddenError } from '../../errors.ts';
import { bucketLabel, weeksOfMonths } from './calendar.ts';
import { heldOrCompletedAllocation } from '../fairness/load-data.ts';
import { reportCache } from './report-cache.ts';
import { allocatableTenthsAt, availableByWeek } from './allocatable-sql.ts';
import { weeklyAverage } from './weekly-average.ts';

/** Weeks without a development placement after which an analyst is flagged. */
export const DEVELOPMENT_LOOKBACK_WEEKS = 52;

export interface UtilisationMonth {
  month: string;
  /** Averages over the month's weeks, in FTE. */
  contracted: number;
  /** Pooled FTE × availability. */
  pooled: number;
  /** Pooled time less protected development: the most that may be allocated. */
  allocatable: number;
  /** Allocations that hold or held capacity (confirmed proposals, accepted, active, completed). */
  allocated: number;
  /** Weeks in which allocations exceeded the allocatable time; must be 0. */
  overCapacityWeeks: number;
}

export interface AnalystUtilisation {
  analyst: { id: string; name: string };
  organisation: { id: string; name: string };
  months: UtilisationMonth[];
  overCapacityWeeks: number;
  /** Last week of the latest development placement begun by today; null when there has been none. */
  lastDevelopmentWeek: Date | null;
  noDevelopmentIn12Months: boolean;
}

export interface OrganisationUtilisation {
  organisation: { id: string; name: string };
  analystCount: number;
  months: UtilisationMonth[];
  overCapacityAnalysts: number;
  analystsWithoutDevelopment: number;
}

export interface Utilisation {
  window: WeekSpan;
  months: string[];
  analysts: AnalystUtilisation[];
  organisations: OrganisationUtilisation[];
}

/** An analyst's totals over each month of the window, in order, in whole units so they add up exactly. */
interface AnalystTotals {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  contracted: number;
  /** YYYY-MM-DD. */
  lastDevelopment: string | null;
  /** Pooled FTE-weeks, in ten-thousandths (pooled FTE and availability both have two decimals). */
  pooled: number[];
  /** Allocatable and allocated FTE-weeks, in tenths. */
  allocatable: number[];
  allocated: number[];
  overWeeks: number[];
}

/**
 * Allocated, pooled and contracted FTE per analyst and organisation by month, in one SQL statement, kept
 * until the data changes (report-cache.ts). Privacy (DESIGN §2): an analyst's figures reflect their availability, so workforce leads see every
 * analyst and organisation leads only their own organisation's; analysts are refused.
 */
export async function utilisation(
  prisma: PrismaClient,
  viewer: Viewer,
  options: { fromMonth: Date; months: number; organisationId: string | null },
  today: Date,
): Promise<Utilisation> {
  if (!isLead(viewer)) throw new ForbiddenError('Utilisation is for workforce and organisation leads.');
  if (viewer.role === 'ORGANISATION_LEAD' && (!viewer.organisationId || (options.organisationId && options.organisationId !== viewer.organisationId))) {
    throw new ForbiddenError('Organisation leads see the utilisation of their own organisation only.');
  }
  const organisationId = viewer.role === 'WORKFORCE_LEAD' ? options.organisationId : viewer.organisationId;
  const window = weeksOfMonths(options.fromMonth, options.months);
  const thisWeek = mondayOf(today);
  const key = ['utilisation', viewer.icsId, organisationId, window, thisWeek];
  return reportCache.get(prisma, key, () => computeUtilisation(prisma, { icsId: viewer.icsId, organisationId, window, thisWeek }));
}

/**
 * Most analyst-weeks have neither an availability period nor an allocation, so a month's pooled and
 * allocatable time is the analyst's full week times the month's weeks less what the weeks with a period take
 * away, and only booked weeks are compared with the allocatable time, instead of one row per analyst and
 * week. The answer is one JSON row: the months with their weeks, and per analyst one array of totals per figure.
 */
async function computeUtilisation(
  prisma: PrismaClient,
  { icsId, organisationId, window, thisWeek }: { icsId: string; organisationId: string | null; window: WeekSpan; thisWeek: Date },
): Promise<Utilisation> {
  const held = heldOrCompletedAllocation;
  const byMonth = (total: Prisma.Sql) => Prisma.sql`json_agg(${total} ORDER BY bw.bucket)`;

  const [result] = await prisma.$queryRaw<[{ months: { start: string; weeks: number }[] | null; analysts: AnalystTotals[] | null }]>`
    WITH weeks AS (
      SELECT w::date AS week, date_trunc('month', w)::date AS bucket
      FROM generate_series(${window.startWeek}::date, ${window.endWeek}::date, interval '7 days') AS w
    ),
    bucket_weeks AS (SELECT bucket, count(*)::int AS weeks FROM weeks GROUP BY bucket),
    analyst AS (
      SELECT a.id, a.name, a."organisationId", a."contractedFte", a."pooledFte", a."protectedDevelopmentShare",
             (a."pooledFte" * 100)::int AS pooled_hundredths, ${allocatableTenthsAt(Prisma.sql`1`)}::int AS full_week_tenths
      FROM "Analyst" a
      WHERE a."icsId" = ${icsId}::uuid AND a.status = 'ACTIVE'
        ${organisationId ? Prisma.sql`AND a."organisationId" = ${organisationId}::uuid` : Prisma.empty}
    ),
    ${availableByWeek},
    week_allowance AS (
      SELECT av.analyst_id, av.week, wk.bucket, (av.fraction * 100)::int AS fraction_hundredths,
             ${allocatableTenthsAt(Prisma.sql`av.fraction`)}::int AS tenths
      FROM available av JOIN analyst a ON a.id = av.analyst_id JOIN weeks wk ON wk.week = av.week
    ),
    short_weeks AS (
      SELECT wa.analyst_id, wa.bucket,
             sum(a.pooled_hundredths * (wa.fraction_hundredths - 100)) AS pooled_ten_thousandths,
             sum(wa.tenths - a.full_week_tenths) AS tenths
      FROM week_allowance wa JOIN analyst a ON a.id = wa.analyst_id
      GROUP BY wa.analyst_id, wa.bucket
    ),
    booked AS (
      SELECT x."analystId" AS analyst_id, wk.week, wk.bucket, sum((x.fte * 10)::int) AS tenths
      FROM "Allocation" x
      JOIN analyst a ON a.id = x."analystId"
      JOIN weeks wk ON wk.week BETWEEN x."startWeek" AND x."endWeek"
      WHERE x."icsId" = ${icsId}::uuid AND ${held}
        AND x."startWeek" <= ${window.endWeek}::date AND x."endWeek" >= ${window.startWeek}::date
      GROUP BY x."analystId", wk.week, wk.bucket
    ),
    booked_month AS (
      SELECT b.analyst_id, b.bucket, sum(b.tenths) AS tenths,
             count(*) FILTER (WHERE b.tenths > COALESCE(wa.tenths, a.full_week_tenths)) AS over_weeks
      FROM booked b
      JOIN analyst a ON a.id = b.analyst_id
      LEFT JOIN week_allowance wa ON wa.analyst_id = b.analyst_id AND wa.week = b.week
      GROUP BY b.analyst_id, b.bucket
    ),
    development AS (
      SELECT x."analystId" AS id, max(x."endWeek") AS last_week
      FROM "Allocation" x
      WHERE x."icsId" = ${icsId}::uuid AND x.kind = 'DEVELOPMENT' AND x."startWeek" <= ${thisWeek}::date AND ${held}
      GROUP BY x."analystId"
    ),
    analyst_months AS (
      SELECT a.id,
             ${byMonth(Prisma.sql`a.pooled_hundredths * 100 * bw.weeks + COALESCE(sw.pooled_ten_thousandths, 0)`)} AS pooled,
             ${byMonth(Prisma.sql`a.full_week_tenths * bw.weeks + COALESCE(sw.tenths, 0)`)} AS allocatable,
             ${byMonth(Prisma.sql`COALESCE(bm.tenths, 0)`)} AS allocated,
             ${byMonth(Prisma.sql`COALESCE(bm.over_weeks, 0)`)} AS over_weeks
      FROM analyst a
      CROSS JOIN bucket_weeks bw
      LEFT JOIN short_weeks sw ON sw.analyst_id = a.id AND sw.bucket = bw.bucket
      LEFT JOIN booked_month bm ON bm.analyst_id = a.id AND bm.bucket = bw.bucket
      GROUP BY a.id
    )
    SELECT
      (SELECT json_agg(json_build_object('start', bucket, 'weeks', weeks) ORDER BY bucket) FROM bucket_weeks) AS months,
      (SELECT json_agg(json_build_object(
                'id', a.id, 'name', a.name, 'organisationId', o.id, 'organisationName', o.name,
                'contracted', a."contractedFte", 'lastDevelopment', dev.last_week,
                'pooled', m.pooled, 'allocatable', m.allocatable, 'allocated', m.allocated, 'overWeeks', m.over_weeks
              ) ORDER BY o.name, a.name, a.id)
       FROM analyst a
       JOIN "Organisation" o ON o.id = a."organisationId"
       JOIN analyst_months m ON m.id = a.id
       LEFT JOIN development dev ON dev.id = a.id) AS analysts`;

  const weeks = (result.months ?? []).map(({ weeks }) => weeks);
  const months = (result.months ?? []).map(({ start }) => bucketLabel(new Date(`${start}T00:00:00Z`), 'month'));
  const developmentCutoff = addWeeksTo(thisWeek, -DEVELOPMENT_LOOKBACK_WEEKS);
  const analysts = (result.analysts ?? []).map((totals): AnalystUtilisation => {
    const lastDevelopmentWeek = totals.lastDevelopment ? new Date(`${totals.lastDevelopment}T00:00:00Z`) : null;
    return {
      analyst: { id: totals.id, name: totals.name },
      organisation: { id: totals.organisationId, name: totals.organisationName },
      months: months.map((month, index) => ({
        month,
        contracted: totals.contracted,
        pooled: weeklyAverage(totals.pooled[index]!, weeks[index]!),
        allocatable: weeklyAverage(totals.allocatable[index]! * 1000, weeks[index]!),
        allocated: weeklyAverage(totals.allocated[index]! * 1000, weeks[index]!),
        overCapacityWeeks: totals.overWeeks[index]!,
      })),
      overCapacityWeeks: totals.overWeeks.reduce((sum, overWeeks) => sum + overWeeks, 0),
      lastDevelopmentWeek,
      noDevelopmentIn12Months: !lastDevelopmentWeek || lastDevelopmentWeek < developmentCutoff,
    };
  });
  return { window, months: analysts.length ? months : [], analysts, organisations: organisationTotals(analysts, months) };
}

function organisationTotals(analysts: AnalystUtilisation[], months: string[]): OrganisationUtilisation[] {
  const totals = new Map<string, OrganisationUtilisation>();
  for (const analyst of analysts) {
    let total = totals.get(analyst.organisation.id);
    if (!total) {
      total = {
        organisation: analyst.organisation,
        analystCount: 0,
        months: months.map((month) => ({ month, contracted: 0, pooled: 0, allocatable: 0, allocated: 0, overCapacityWeeks: 0 })),
        overCapacityAnalysts: 0,
        analystsWithoutDevelopment: 0,
      };
      totals.set(analyst.organisation.id, total);
    }
    total.analystCount += 1;
    if (analyst.overCapacityWeeks > 0) total.overCapacityAnalysts += 1;
    if (analyst.noDevelopmentIn12Months) total.analystsWithoutDevelopment += 1;
    analyst.months.forEach((month, index) => {
      const sum = total.months[index]!;
      sum.contracted = round(sum.contracted + month.contracted);
      sum.pooled = round(sum.pooled + month.pooled);
      sum.allocatable = round(sum.allocatable + month.allocatable);
      sum.allocated = round(sum.allocated + month.allocated);
      sum.overCapacityWeeks += month.overCapacityWeeks;
    });
  }
  return [...totals.values()];
}

const round = (value: number) => Math.round(value * 1000) / 1000;
