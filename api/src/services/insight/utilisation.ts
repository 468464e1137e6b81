import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { isLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import { ForbiddenError } from '../../errors.ts';
import { bucketLabel, weeksOfMonths } from './calendar.ts';
import { heldOrCompletedAllocation } from '../fairness/load-data.ts';
import { reportCache } from './report-cache.ts';
import { allocatableFte, availableByWeek } from './allocatable-sql.ts';

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

interface Row {
  analyst_id: string;
  analyst_name: string;
  organisation_id: string;
  organisation_name: string;
  bucket: Date;
  contracted: number;
  pooled: number;
  allocatable: number;
  allocated: number;
  over_weeks: number;
  last_development: Date | null;
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

async function computeUtilisation(
  prisma: PrismaClient,
  { icsId, organisationId, window, thisWeek }: { icsId: string; organisationId: string | null; window: WeekSpan; thisWeek: Date },
): Promise<Utilisation> {
  const held = heldOrCompletedAllocation;

  const rows = await prisma.$queryRaw<Row[]>`
    WITH weeks AS (
      SELECT w::date AS week, date_trunc('month', w)::date AS bucket
      FROM generate_series(${window.startWeek}::date, ${window.endWeek}::date, interval '7 days') AS w
    ),
    analyst AS (
      SELECT a.id, a.name, a."organisationId", a."contractedFte", a."pooledFte", a."protectedDevelopmentShare" FROM "Analyst" a
      WHERE a."icsId" = ${icsId}::uuid AND a.status = 'ACTIVE'
        ${organisationId ? Prisma.sql`AND a."organisationId" = ${organisationId}::uuid` : Prisma.empty}
    ),
    ${availableByWeek},
    booked AS (
      SELECT x."analystId" AS id, wk.week, sum(x.fte) AS fte
      FROM "Allocation" x
      JOIN analyst a ON a.id = x."analystId"
      JOIN weeks wk ON wk.week BETWEEN x."startWeek" AND x."endWeek"
      WHERE x."icsId" = ${icsId}::uuid AND ${held}
      GROUP BY x."analystId", wk.week
    ),
    analyst_week AS (
      SELECT a.id, wk.bucket,
             a."pooledFte" * COALESCE(av.fraction, 1) AS pooled,
             ${allocatableFte} AS allocatable,
             COALESCE(b.fte, 0) AS allocated
      FROM analyst a
      CROSS JOIN weeks wk
      LEFT JOIN available av ON av.analyst_id = a.id AND av.week = wk.week
      LEFT JOIN booked b ON b.id = a.id AND b.week = wk.week
    ),
    development AS (
      SELECT x."analystId" AS id, max(x."endWeek") AS last_week
      FROM "Allocation" x
      WHERE x."icsId" = ${icsId}::uuid AND x.kind = 'DEVELOPMENT' AND x."startWeek" <= ${thisWeek}::date AND ${held}
      GROUP BY x."analystId"
    )
    SELECT a.id::text AS analyst_id, a.name AS analyst_name, o.id::text AS organisation_id, o.name AS organisation_name,
           aw.bucket, a."contractedFte"::float8 AS contracted,
           round(avg(aw.pooled), 3)::float8 AS pooled,
           round(avg(aw.allocatable), 3)::float8 AS allocatable,
           round(avg(aw.allocated), 3)::float8 AS allocated,
           (count(*) FILTER (WHERE aw.allocated > aw.allocatable))::int AS over_weeks,
           dev.last_week AS last_development
    FROM analyst_week aw
    JOIN analyst a ON a.id = aw.id
    JOIN "Organisation" o ON o.id = a."organisationId"
    LEFT JOIN development dev ON dev.id = a.id
    GROUP BY a.id, a.name, o.id, o.name, aw.bucket, a."contractedFte", dev.last_week
    ORDER BY o.name, a.name, a.id, aw.bucket`;

  const developmentCutoff = addWeeksTo(thisWeek, -DEVELOPMENT_LOOKBACK_WEEKS);
  const analysts = new Map<string, AnalystUtilisation>();
  for (const row of rows) {
    let analyst = analysts.get(row.analyst_id);
    if (!analyst) {
      analyst = {
        analyst: { id: row.analyst_id, name: row.analyst_name },
        organisation: { id: row.organisation_id, name: row.organisation_name },
        months: [],
        overCapacityWeeks: 0,
        lastDevelopmentWeek: row.last_development,
        noDevelopmentIn12Months: !row.last_development || row.last_development < developmentCutoff,
      };
      analysts.set(row.analyst_id, analyst);
    }
    analyst.overCapacityWeeks += row.over_weeks;
    analyst.months.push({
      month: bucketLabel(row.bucket, 'month'),
      contracted: row.contracted,
      pooled: row.pooled,
      allocatable: row.allocatable,
      allocated: row.allocated,
      overCapacityWeeks: row.over_weeks,
    });
  }
  const months = [...new Set(rows.map((row) => bucketLabel(row.bucket, 'month')))].sort();
  return { window, months, analysts: [...analysts.values()], organisations: organisationTotals([...analysts.values()], months) };
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
