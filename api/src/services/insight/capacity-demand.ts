import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isLead } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError } from '../../errors.ts';
import type { SkillCategory } from '../../generated/prisma/enums.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import { bucketLabel, weeksOfMonths, weeksOfNextTwoQuarters, type BucketUnit } from './calendar.ts';
import { reportCache } from './report-cache.ts';
import { supplyDemand, type GroupKind, type SkillHolders, type SupplyDemand, type SupplyDemandGroup } from './supply-demand.ts';

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
 * one SQL statement, kept until the data changes (report-cache.ts). Leads only: these are planning
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
  const figures = await supplyDemand(prisma, { icsId, months: window, forecast: forecastWindow, minLevel, organisationId, category });
  const months = bucketsOf(figures, 'month');
  const quarters = bucketsOf(figures, 'quarter');
  return {
    window,
    minLevel,
    months: months.buckets,
    skills: rowsOf(figures.groups, 'month', 'SKILL', months.labels),
    categories: rowsOf(figures.groups, 'month', 'CATEGORY', months.labels),
    organisations: rowsOf(figures.groups, 'month', 'ORGANISATION', months.labels),
    singlePointsOfFailure: figures.thinlyHeld,
    forecast: { window: forecastWindow, quarters: quarters.buckets, skills: rowsOf(figures.groups, 'quarter', 'SKILL', quarters.labels) },
  };
}

/** The months or quarters of the figures, and their labels by first day (YYYY-MM-DD). */
function bucketsOf(figures: SupplyDemand, unit: BucketUnit): { buckets: Bucket[]; labels: Map<string, string> } {
  const buckets: Bucket[] = [];
  const labels = new Map<string, string>();
  for (const { start, weeks } of figures.buckets.filter((bucket) => bucket.unit === unit)) {
    const date = new Date(`${start}T00:00:00Z`);
    const label = bucketLabel(date, unit);
    buckets.push({ label, start: date, weeks });
    labels.set(start, label);
  }
  return { buckets, labels };
}

function rowsOf(groups: SupplyDemandGroup[], unit: BucketUnit, kind: GroupKind, labels: Map<string, string>): SupplyDemandRow[] {
  return groups
    .filter((group) => group.unit === unit && group.kind === kind)
    .map((group) => ({
      kind,
      key: group.key,
      label: group.label,
      category: group.category,
      cells: group.cells.map(({ bucket, supply, demand, pipeline }) => ({
        bucket: labels.get(bucket)!,
        supply,
        demand,
        pipeline,
        shortfall: Math.round((demand - supply) * 1000) / 1000,
      })),
    }));
}
