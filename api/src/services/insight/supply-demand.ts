import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { SkillCategory } from '../../generated/prisma/enums.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import type { BucketUnit } from './calendar.ts';
import { allocatableTenthsAt, availableByWeek } from './allocatable-sql.ts';

/** Request statuses that count as demand on the pool: submitted and not yet finished or cancelled. */
export const DEMAND_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE'] as const;
/** Demand still waiting for analysts: the pipeline a forecast is made from. */
export const PIPELINE_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED'] as const;

export type GroupKind = 'SKILL' | 'CATEGORY' | 'ORGANISATION';

export interface SupplyDemandQuery {
  icsId: string;
  /** Weeks reported month by month, for every kind of group. */
  months: WeekSpan;
  /** Weeks forecast quarter by quarter, for skills only. */
  forecast: WeekSpan;
  /** Supply counts analysts holding the skill at this level or above. */
  minLevel: number;
  organisationId: string | null;
  category: SkillCategory | null;
}

export interface SupplyDemandBucket {
  unit: BucketUnit;
  /** First day of the month or quarter, as YYYY-MM-DD. */
  start: string;
  /** Weeks of the window in this bucket. */
  weeks: number;
}

export interface SupplyDemandGroup {
  unit: BucketUnit;
  kind: GroupKind;
  /** Skill id, category name or organisation id. */
  key: string;
  /** Skill or organisation name; the category itself for a category. */
  label: string;
  /** For a skill: its category. */
  category: SkillCategory | null;
  /** One per bucket of the unit, in order. Average FTE per week over the bucket's weeks. */
  cells: { bucket: string; supply: number; demand: number; pipeline: number }[];
}

export interface SkillHolders {
  skillId: string;
  name: string;
  category: SkillCategory;
  holders: string[];
}

export interface SupplyDemand {
  /** Months then quarters, in order; none when there is no skill or organisation to report. */
  buckets: SupplyDemandBucket[];
  /** Month rows (ordered by kind and label), then the quarter rows of skills. */
  groups: SupplyDemandGroup[];
  /**
   * Skills held at `minLevel` or above by only one or two active analysts (within the organisation when one
   * is given): single points of failure. Fewest holders first, then by name.
   */
  thinlyHeld: SkillHolders[];
}

/**
 * Pooled supply against demand for every skill, skill category and organisation in each month, the skills'
 * forecast by quarter, and the thinly held skills, in one SQL statement that returns one JSON row.
 *
 * Supply of a skill: the allocatable pooled time (pooled FTE × (1 − protected development share) × the
 * week's availability, rounded down to tenths as the capacity module does) of active analysts holding it
 * at `minLevel` or above. Demand of a skill: the FTE of live requests (DEMAND_STATUSES) that must have it.
 * A category counts each analyst and request once, however many of its skills they hold or need. An
 * organisation's row is all its analysts' pooled time against all its requests, whatever the skills.
 * Both are averaged over the bucket's weeks, so they read as FTE.
 *
 * Most analyst-weeks have no availability period, so supply is summed per group as full weeks × weeks in
 * the bucket plus what the weeks with a period take away, instead of one row per analyst, week and skill.
 */
export async function supplyDemand(prisma: PrismaClient | Prisma.TransactionClient, query: SupplyDemandQuery): Promise<SupplyDemand> {
  const { icsId, months, forecast, minLevel, organisationId, category } = query;
  const inOrganisation = (column: Prisma.Sql) =>
    organisationId ? Prisma.sql`AND ${column} = ${organisationId}::uuid` : Prisma.empty;
  const inCategory = category ? Prisma.sql`AND s.category = ${category}::"SkillCategory"` : Prisma.empty;
  const demandStatuses = Prisma.join(DEMAND_STATUSES.map((status) => Prisma.sql`${status}::"RequestStatus"`));
  const pipelineStatuses = Prisma.join(PIPELINE_STATUSES.map((status) => Prisma.sql`${status}::"RequestStatus"`));
  const average = (tenths: Prisma.Sql) => Prisma.sql`round((${tenths})::numeric / (10 * bw.weeks), 3)`;

  const [result] = await prisma.$queryRaw<[{ buckets: SupplyDemandBucket[] | null; groups: SupplyDemandGroup[] | null; thinlyHeld: SkillHolders[] | null }]>`
    WITH report_week AS (
      SELECT 'month' AS unit, w::date AS week, date_trunc('month', w)::date AS bucket
      FROM generate_series(${months.startWeek}::date, ${months.endWeek}::date, interval '7 days') AS w
      UNION ALL
      SELECT 'quarter', w::date, date_trunc('quarter', w)::date
      FROM generate_series(${forecast.startWeek}::date, ${forecast.endWeek}::date, interval '7 days') AS w
    ),
    weeks AS (SELECT DISTINCT week FROM report_week),
    bucket_weeks AS (SELECT unit, bucket, count(*)::int AS weeks FROM report_week GROUP BY unit, bucket),
    analyst AS (
      SELECT a.id, a.name, a."organisationId", a."pooledFte", a."protectedDevelopmentShare",
             ${allocatableTenthsAt(Prisma.sql`1`)}::int AS full_week_tenths
      FROM "Analyst" a
      WHERE a."icsId" = ${icsId}::uuid AND a.status = 'ACTIVE' ${inOrganisation(Prisma.sql`a."organisationId"`)}
    ),
    ${availableByWeek},
    short_weeks AS (
      SELECT av.analyst_id, wk.unit, wk.bucket, sum(${allocatableTenthsAt(Prisma.sql`av.fraction`)}::int - a.full_week_tenths) AS tenths
      FROM available av JOIN analyst a ON a.id = av.analyst_id JOIN report_week wk ON wk.week = av.week
      GROUP BY av.analyst_id, wk.unit, wk.bucket
    ),
    held AS (
      SELECT s.id, s.name, s.category, a.id AS analyst_id, a.name AS analyst_name, a.full_week_tenths
      FROM "AnalystSkill" ask JOIN "Skill" s ON s.id = ask."skillId" JOIN analyst a ON a.id = ask."analystId"
      WHERE s."icsId" = ${icsId}::uuid AND ask.level >= ${minLevel} ${inCategory}
    ),
    held_category AS (SELECT DISTINCT category, analyst_id, full_week_tenths FROM held),
    group_full_week AS (
      SELECT 'SKILL' AS kind, id::text AS key, sum(full_week_tenths) AS tenths FROM held GROUP BY id
      UNION ALL SELECT 'CATEGORY', category::text, sum(full_week_tenths) FROM held_category GROUP BY category
      UNION ALL SELECT 'ORGANISATION', "organisationId"::text, sum(full_week_tenths) FROM analyst GROUP BY "organisationId"
    ),
    group_short_weeks AS (
      SELECT 'SKILL' AS kind, h.id::text AS key, sw.unit, sw.bucket, sum(sw.tenths) AS tenths
      FROM held h JOIN short_weeks sw ON sw.analyst_id = h.analyst_id GROUP BY h.id, sw.unit, sw.bucket
      UNION ALL SELECT 'CATEGORY', h.category::text, sw.unit, sw.bucket, sum(sw.tenths)
      FROM held_category h JOIN short_weeks sw ON sw.analyst_id = h.analyst_id GROUP BY h.category, sw.unit, sw.bucket
      UNION ALL SELECT 'ORGANISATION', a."organisationId"::text, sw.unit, sw.bucket, sum(sw.tenths)
      FROM analyst a JOIN short_weeks sw ON sw.analyst_id = a.id GROUP BY a."organisationId", sw.unit, sw.bucket
    ),
    live AS (
      SELECT r.id, r.fte, r."startWeek", r."endWeek", r.status, p."organisationId" AS organisation_id
      FROM "Request" r JOIN "Project" p ON p.id = r."projectId"
      WHERE r."icsId" = ${icsId}::uuid AND r.status IN (${demandStatuses}) ${inOrganisation(Prisma.sql`p."organisationId"`)}
        AND r."startWeek" <= (SELECT max(week) FROM weeks) AND r."endWeek" >= (SELECT min(week) FROM weeks)
    ),
    live_bucket AS (
      SELECT live.id AS request_id, wk.unit, wk.bucket, (live.fte * 10)::int * count(*) AS tenths, live.status IN (${pipelineStatuses}) AS pipeline
      FROM live JOIN report_week wk ON wk.week BETWEEN live."startWeek" AND live."endWeek"
      GROUP BY live.id, live.fte, live.status, wk.unit, wk.bucket
    ),
    needed AS (
      SELECT s.id, s.category, rs."requestId" AS request_id
      FROM "RequestSkill" rs JOIN "Skill" s ON s.id = rs."skillId" JOIN live ON live.id = rs."requestId"
      WHERE rs.kind = 'REQUIRED' ${inCategory}
    ),
    request_group AS (
      SELECT 'SKILL' AS kind, id::text AS key, request_id FROM needed
      UNION ALL SELECT DISTINCT 'CATEGORY', category::text, request_id FROM needed
      UNION ALL SELECT 'ORGANISATION', organisation_id::text, id FROM live
    ),
    demand AS (
      SELECT g.kind, g.key, lb.unit, lb.bucket, sum(lb.tenths) AS tenths, COALESCE(sum(lb.tenths) FILTER (WHERE lb.pipeline), 0) AS pipeline_tenths
      FROM request_group g JOIN live_bucket lb ON lb.request_id = g.request_id
      GROUP BY g.kind, g.key, lb.unit, lb.bucket
    ),
    keys AS (
      SELECT 'SKILL' AS kind, s.id::text AS key, s.name AS label, s.category FROM "Skill" s
      WHERE s."icsId" = ${icsId}::uuid ${inCategory}
      UNION ALL
      SELECT DISTINCT 'CATEGORY', s.category::text, s.category::text, NULL::"SkillCategory" FROM "Skill" s
      WHERE s."icsId" = ${icsId}::uuid ${inCategory}
      UNION ALL
      SELECT 'ORGANISATION', o.id::text, o.name, NULL FROM "Organisation" o
      WHERE o."icsId" = ${icsId}::uuid ${inOrganisation(Prisma.sql`o.id`)}
    ),
    supply_demand_group AS (
      SELECT bw.unit, k.kind, k.key, k.label, k.category,
             json_agg(json_build_object(
               'bucket', bw.bucket,
               'supply', ${average(Prisma.sql`COALESCE(fw.tenths, 0) * bw.weeks + COALESCE(sw.tenths, 0)`)},
               'demand', ${average(Prisma.sql`COALESCE(de.tenths, 0)`)},
               'pipeline', ${average(Prisma.sql`COALESCE(de.pipeline_tenths, 0)`)}
             ) ORDER BY bw.bucket) AS cells
      FROM keys k
      JOIN bucket_weeks bw ON bw.unit = 'month' OR k.kind = 'SKILL'
      LEFT JOIN group_full_week fw ON fw.kind = k.kind AND fw.key = k.key
      LEFT JOIN group_short_weeks sw ON sw.kind = k.kind AND sw.key = k.key AND sw.unit = bw.unit AND sw.bucket = bw.bucket
      LEFT JOIN demand de ON de.kind = k.kind AND de.key = k.key AND de.unit = bw.unit AND de.bucket = bw.bucket
      GROUP BY bw.unit, k.kind, k.key, k.label, k.category
    ),
    thinly_held AS (
      -- Holders are counted before names are gathered, so only thinly held skills' names are sorted.
      SELECT id::text AS "skillId", name, category, array_agg(analyst_name ORDER BY analyst_name) AS holders
      FROM held WHERE id IN (SELECT id FROM held GROUP BY id HAVING count(*) <= 2)
      GROUP BY id, name, category
    )
    SELECT
      (SELECT json_agg(json_build_object('unit', unit, 'start', bucket, 'weeks', weeks) ORDER BY unit, bucket)
       FROM bucket_weeks WHERE EXISTS (SELECT FROM keys)) AS buckets,
      (SELECT json_agg(g ORDER BY g.unit, g.kind, g.label) FROM supply_demand_group g) AS groups,
      (SELECT json_agg(t ORDER BY cardinality(t.holders), t.name) FROM thinly_held t) AS "thinlyHeld"`;
  return { buckets: result.buckets ?? [], groups: result.groups ?? [], thinlyHeld: result.thinlyHeld ?? [] };
}

