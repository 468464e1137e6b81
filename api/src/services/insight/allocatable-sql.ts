import { Prisma } from '../../generated/prisma/client.ts';

/**
 * The `available` CTE: each analyst's lowest available fraction per week of `weeks`, for the analysts of the
 * `analyst` CTE. Weeks without an availability period have no row (full availability). From the week of a
 * recorded leaving day on, the analyst is unavailable (fraction 0), as capacity.ts has it.
 */
export const availableByWeek = Prisma.sql`available AS (
      SELECT analyst_id, week, min(fraction) AS fraction FROM (
        SELECT v."analystId" AS analyst_id, wk.week, v."availableFraction" AS fraction
        FROM "Availability" v
        JOIN analyst a ON a.id = v."analystId"
        JOIN weeks wk ON wk.week BETWEEN v."startWeek" AND v."endWeek"
        WHERE v."endWeek" >= (SELECT min(week) FROM weeks) AND v."startWeek" <= (SELECT max(week) FROM weeks)
        UNION ALL
        SELECT leaver.id, wk.week, 0
        FROM "Analyst" leaver
        JOIN analyst a ON a.id = leaver.id
        JOIN weeks wk ON wk.week >= date_trunc('week', leaver."leftAt")::date
        WHERE leaver."leftAt" IS NOT NULL
      ) AS away
      GROUP BY analyst_id, week
    )`;

/** Allocatable time of analyst `a` in a week available at `fraction`, in whole tenths of FTE (rounded down as capacity.ts does). */
export const allocatableTenthsAt = (fraction: Prisma.Sql) =>
  Prisma.sql`floor(a."pooledFte" * (1 - a."protectedDevelopmentShare") * ${fraction} * 10)`;

/** Allocatable FTE of analyst `a` in a week joined to `available av`. */
export const allocatableFte = Prisma.sql`${allocatableTenthsAt(Prisma.sql`COALESCE(av.fraction, 1)`)} / 10`;
