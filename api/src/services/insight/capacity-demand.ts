import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError } from '../../errors.ts';
import type { SkillCategory } from '../../generated/prisma/enums.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import { bucketLabel, weeksOfMonths, weeksOfNextTwoQuarters } from './calendar.ts';
import { reportCache } from './report-cache.ts';
import { supplyDemandCells, thinlyHeldSkills, type GroupKind, type SkillHolders, type SupplyDemandCell } from './supply-demand.ts';

export interface CapacityDemandOptions {
  /** Any day of the first month. */
  fromMonth: Date;
  months: number;
  /** 1..4; the DESIGN's default is Practitioner (3). */
  minLevel: number;
  organisationId: string | null;
  category: SkillCategory | null;
}

export interface Bucket {
  /** "2027-01" or "2027-Q1". */
  label: string;
  start: Date;
  weeks: number;
}

export interface SupplyDemandFigures {
  bucket: string;
  supply: number;
  demand: number;
  pipeline: number;
  /** demand − supply: positive is a shortfall, negative a surplus. */
  shortfall: number;
}

export interface SupplyDemandRow {
  kind: GroupKind;
  key: string;
  label: string;
  category: SkillCategory | null;
  cells: SupplyDemandFigures[];
}

export interface CapacityDemand {
  window: WeekSpan;
  minLevel: number;
  months: Bucket[];
  skills: SupplyDemandRow[];
  categories: SupplyDemandRow[];
  organisations: SupplyDemandRow[];
  singlePointsOfFailure: SkillHolders[];
  forecast: { window: WeekSpan; quarters: Bucket[]; skills: SupplyDemandRow[] };
}

/**
 * Capacity against demand by skill, category and organisation and month, plus a two-quarter forecast, in
 * three SQL statements, kept until the data changes (report-cache.ts). Leads only: these are planning
 * figures (organisation leads see the whole ICS, as DESIGN §1 asks them to be aware of capacity across it).
 */
export async function capacityDemand(prisma: PrismaClient, viewer: Viewer, options: CapacityDemandOptions, today: Date): Promise<CapacityDemand> {
  if (!isLead(viewer)) throw new ForbiddenError('Capacity and demand are for workforce and organisation leads.');
  const { icsId } = viewer;
  const { minLevel, organisationId, category } = options;
  const window = weeksOfMonths(options.fromMonth, options.months);
  const forecastWindow = weeksOfNextTwoQuarters(today);
  const key = ['capacityDemand', icsId, window, forecastWindow, minLevel, organisationId, category];
  return reportCache.get(prisma, key, () => computeCapacityDemand(prisma, { icsId, window, forecastWindow, minLevel, organisationId, category }));
}

async function computeCapacityDemand(
  prisma: PrismaClient | Prisma.TransactionClient,
  query: { icsId: string; window: WeekSpan; forecastWindow: WeekSpan; minLevel: number; organisationId: string | null; category: SkillCategory | null },
): Promise<CapacityDemand> {
  const { icsId, window, forecastWindow, minLevel, organisationId, category } = query;
  const [monthly, quarterly, singlePointsOfFailure] = await Promise.all([
    supplyDemandCells(prisma, { icsId, weeks: window, unit: 'month', minLevel, organisationId, category }),
    supplyDemandCells(prisma, { icsId, weeks: forecastWindow, unit: 'quarter', minLevel, organisationId, category }),
    thinlyHeldSkills(prisma, { icsId, minLevel, organisationId, category }),
  ]);
  const months = rowsOf(monthly, 'month');
  const quarters = rowsOf(quarterly, 'quarter');
  return {
    window,
    minLevel,
    months: months.buckets,
    skills: months.rows.filter((row) => row.kind === 'SKILL'),
    categories: months.rows.filter((row) => row.kind === 'CATEGORY'),
    organisations: months.rows.filter((row) => row.kind === 'ORGANISATION'),
    singlePointsOfFailure,
    forecast: { window: forecastWindow, quarters: quarters.buckets, skills: quarters.rows.filter((row) => row.kind === 'SKILL') },
  };
}

/** Groups the SQL's cells (ordered by kind, label, bucket) into one row per skill, category or organisation. */
function rowsOf(cells: SupplyDemandCell[], unit: 'month' | 'quarter'): { buckets: Bucket[]; rows: SupplyDemandRow[] } {
  const buckets = new Map<string, Bucket>();
  const rows = new Map<string, SupplyDemandRow>();
  for (const cell of cells) {
    const label = bucketLabel(cell.bucket, unit);
    if (!buckets.has(label)) buckets.set(label, { label, start: cell.bucket, weeks: cell.weeks });
    const rowKey = `${cell.kind}:${cell.key}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = { kind: cell.kind, key: cell.key, label: cell.label, category: cell.category, cells: [] };
      rows.set(rowKey, row);
    }
    const shortfall = Math.round((cell.demand - cell.supply) * 1000) / 1000;
    row.cells.push({ bucket: label, supply: cell.supply, demand: cell.demand, pipeline: cell.pipeline, shortfall });
  }
  return { buckets: [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime()), rows: [...rows.values()] };
}
