import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { SkillCategory } from '../../generated/prisma/enums.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import type { BucketUnit } from './calendar.ts';
import { allocatableFte, availableByWeek } from './allocatable-sql.ts';

/** Request statuses that count as demand on the pool: submitted and not yet finished or cancelled. */
export const DEMAND_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE'] as const;
/** Demand still waiting for analysts: the pipeline a forecast is made from. */
export const PIPELINE_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED'] as const;

export type GroupKind = 'SKILL' | 'CATEGORY' | 'ORGANISATION';

export interface SupplyDemandCell {
  kind: GroupKind;
  /** Skill id, category name or organisation id. */
  key: string;
  /** Skill or organisation name; the category itself for a category. */
  label: string;
  /** For a skill: its category. */
  category: SkillCategory | null;
  /** First day of the month or quarter. */
  bucket: Date;
  /** Weeks of the window in this bucket. */
  weeks: number;
  /** Average FTE per week over the bucket's weeks. */
  supply: number;
  demand: number;
  /** The part of demand from requests not yet (fully) matched. */
  pipeline: number;
}

export interface SupplyDemandQuery {
  icsId: string;
  weeks: WeekSpan;
  unit: BucketUnit;
  /** Supply counts analysts holding the skill at this level or above. */
  minLevel: number;
  organisationId: string | null;
  category: SkillCategory | null;
}

/**
 * Pooled supply against demand for every skill, skill category and organisation in each month or quarter,
 * in one SQL statement.
 *
 * Supply of a skill: the allocatable pooled time (pooled FTE × (1 − protected development share) × the
 * week's availability, rounded down to tenths as the capacity module does) of active analysts holding it
 * at `minLevel` or above. Demand of a skill: the FTE of live requests (DEMAND_STATUSES) that must have it.
 * A category counts each analyst and request once, however many of its skills they hold or need. An
 * organisation's row is all its analysts' pooled time against all its requests, whatever the skills.
 * Both are averaged over the bucket's weeks, so they read as FTE.
 */
export async function supplyDemandCells(prisma: PrismaClient | Prisma.TransactionClient, query: SupplyDemandQuery): Promise<SupplyDemandCell[]> {
  const { icsId, weeks, unit, minLevel, organisationId, category } = query;
  const inOrganisation = (column: Prisma.Sql) =>
    organisationId ? Prisma.sql`AND ${column} = ${organisationId}::uuid` : Prisma.empty;
  const inCategory = category ? Prisma.sql`AND s.category = ${category}::"SkillCategory"` : Prisma.empty;
  const demandStatuses = Prisma.join(DEMAND_STATUSES.map((status) => Prisma.sql`${status}::"RequestStatus"`));
  const pipelineStatuses = Prisma.join(PIPELINE_STATUSES.map((status) => Prisma.sql`${status}::"RequestStatus"`));

  return prisma.$queryRaw<SupplyDemandCell[]>`
    WITH weeks AS (
      SELECT w::date AS week, date_trunc(${unit}, w)::date AS bucket
      FROM generate_series(${weeks.startWeek}::date, ${weeks.endWeek}::date, interval '7 days') AS w
    ),
    bucket_weeks AS (SELECT bucket, count(*)::int AS weeks FROM weeks GROUP BY bucket),
    analyst AS (
      SELECT a.id, a."organisationId", a."pooledFte", a."protectedDevelopmentShare" FROM "Analyst" a
      WHERE a."icsId" = ${icsId}::uuid AND a.status = 'ACTIVE' ${inOrganisation(Prisma.sql`a."organisationId"`)}
    ),
    ${availableByWeek},
    pooled_week AS (
      SELECT a.id AS analyst_id, a."organisationId" AS organisation_id, wk.bucket,
             ${allocatableFte} AS fte
      FROM analyst a
      CROSS JOIN weeks wk
      LEFT JOIN available av ON av.analyst_id = a.id AND av.week = wk.week
    ),
    pooled AS (
      SELECT analyst_id, organisation_id, bucket, sum(fte) AS fte FROM pooled_week GROUP BY analyst_id, organisation_id, bucket
    ),
    held AS (
      SELECT s.id, s.category, ask."analystId" AS analyst_id
      FROM "AnalystSkill" ask JOIN "Skill" s ON s.id = ask."skillId"
      WHERE s."icsId" = ${icsId}::uuid AND ask.level >= ${minLevel} ${inCategory}
    ),
    analyst_group AS (
      SELECT 'SKILL' AS kind, id::text AS key, analyst_id FROM held
      UNION ALL SELECT DISTINCT 'CATEGORY', category::text, analyst_id FROM held
      UNION ALL SELECT DISTINCT 'ORGANISATION', organisation_id::text, analyst_id FROM pooled
    ),
    live AS (
      SELECT r.id, r.fte, r."startWeek", r."endWeek", r.status, p."organisationId" AS organisation_id
      FROM "Request" r JOIN "Project" p ON p.id = r."projectId"
      WHERE r."icsId" = ${icsId}::uuid AND r.status IN (${demandStatuses}) ${inOrganisation(Prisma.sql`p."organisationId"`)}
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
    supply AS (
      SELECT g.kind, g.key, p.bucket, sum(p.fte) AS fte_weeks
      FROM analyst_group g JOIN pooled p ON p.analyst_id = g.analyst_id
      GROUP BY g.kind, g.key, p.bucket
    ),
    demand AS (
      SELECT g.kind, g.key, wk.bucket, sum(live.fte) AS fte_weeks,
             COALESCE(sum(live.fte) FILTER (WHERE live.status IN (${pipelineStatuses})), 0) AS pipeline_weeks
      FROM request_group g JOIN live ON live.id = g.request_id
      JOIN weeks wk ON wk.week BETWEEN live."startWeek" AND live."endWeek"
      GROUP BY g.kind, g.key, wk.bucket
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
    )
    SELECT k.kind, k.key, k.label, k.category, bw.bucket, bw.weeks,
           round(COALESCE(su.fte_weeks, 0) / bw.weeks, 3)::float8 AS supply,
           round(COALESCE(de.fte_weeks, 0) / bw.weeks, 3)::float8 AS demand,
           round(COALESCE(de.pipeline_weeks, 0) / bw.weeks, 3)::float8 AS pipeline
    FROM keys k
    CROSS JOIN bucket_weeks bw
    LEFT JOIN supply su ON su.kind = k.kind AND su.key = k.key AND su.bucket = bw.bucket
    LEFT JOIN demand de ON de.kind = k.kind AND de.key = k.key AND de.bucket = bw.bucket
    ORDER BY k.kind, k.label, bw.bucket`;
}

export interface SkillHolders {
  skillId: string;
  name: string;
  category: SkillCategory;
  holders: string[];
}

/**
 * Skills held at `minLevel` or above by only one or two active analysts (within the organisation when one
 * is given): single points of failure.
 */
export async function thinlyHeldSkills(
  prisma: PrismaClient | Prisma.TransactionClient,
  query: Pick<SupplyDemandQuery, 'icsId' | 'minLevel' | 'organisationId' | 'category'>,
): Promise<SkillHolders[]> {
  const { icsId, minLevel, organisationId, category } = query;
  return prisma.$queryRaw<SkillHolders[]>`
    SELECT s.id::text AS "skillId", s.name, s.category, array_agg(a.name ORDER BY a.name) AS holders
    FROM "Skill" s
    JOIN "AnalystSkill" ask ON ask."skillId" = s.id AND ask.level >= ${minLevel}
    JOIN "Analyst" a ON a.id = ask."analystId" AND a.status = 'ACTIVE'
    WHERE s."icsId" = ${icsId}::uuid
      ${organisationId ? Prisma.sql`AND a."organisationId" = ${organisationId}::uuid` : Prisma.empty}
      ${category ? Prisma.sql`AND s.category = ${category}::"SkillCategory"` : Prisma.empty}
    GROUP BY s.id
    HAVING count(*) <= 2
    ORDER BY count(*), s.name`;
}
