import { Prisma } from '../../generated/prisma/client.ts';

/**
 * The `available` CTE: each analyst's lowest available fraction per week of `weeks`, for the analysts of the
 * `analyst` CTE. Weeks without an availability period have no row (full availability).
 */
export const availableByWeek = Prisma.sql`available AS (
      SELECT v."analystId" AS analyst_id, wk.week, min(v."availableFraction") AS fraction
      FROM "Availability" v
      JOIN analyst a ON a.id = v."analystId"
      JOIN weeks wk ON wk.week BETWEEN v."startWeek" AND v."endWeek"
      GROUP BY v."analystId", wk.week
    )`;

/** Allocatable FTE of analyst `a` in a week joined to `available av`, floored to a tenth as capacity.ts does. */
export const allocatableFte = Prisma.sql`floor(a."pooledFte" * (1 - a."protectedDevelopmentShare") * COALESCE(av.fraction, 1) * 10) / 10`;
