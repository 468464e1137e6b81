import type { PrismaClient } from '../../generated/prisma/client.ts';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import { ValidationFailedError } from '../../errors.ts';
import { addMonthsTo, bucketLabel, bucketStart, weeksOfDays } from '../insight/calendar.ts';
import { reportCache } from '../insight/report-cache.ts';
import { figuresFromTotals, type OrganisationFairness, type OrganisationTotals } from './figures.ts';
import { loadFairnessTotals } from './load-totals.ts';
import { closedFairnessPeriods } from './periods.ts';

/** Longest span a report covers: two years of weeks. */
export const MAX_REPORT_WEEKS = 106;

export interface OrganisationFairnessRow extends OrganisationFairness {
  organisation: { id: string; name: string };
}

export interface FairnessMonth {
  /** "2027-01". */
  month: string;
  span: WeekSpan;
  organisations: OrganisationFairnessRow[];
}

export interface FairnessReport {
  span: WeekSpan;
  policy: { alpha: number; beta: number; gamma: number };
  totalSupply: number;
  /** Set when the span is exactly a closed period: the organisations' figures are then the frozen ones. */
  closedPeriodId: string | null;
  organisations: OrganisationFairnessRow[];
  /** The same figures month by month (always computed from the current data). */
  months: FairnessMonth[];
  /** The first week no closed period covers: where the next period to close must start. */
  nextPeriodStart: Date | null;
}

/**
 * The fairness report for a span of weeks (default: the open period, from the week after the last close to
 * the end of the current quarter). Reads a fixed number of SQL statements whatever the span or ICS size,
 * and is kept until the data changes (report-cache.ts). The closed periods it looks up are read once per
 * `request` (periods.ts), which the page's list of them shares.
 */
export async function fairnessReport(
  prisma: PrismaClient,
  icsId: string,
  requested: Partial<WeekSpan>,
  today: Date,
  request: object = {},
): Promise<FairnessReport> {
  const key = ['fairnessReport', icsId, requested.startWeek ?? null, requested.endWeek ?? null, bucketStart(today, 'quarter')];
  return reportCache.get(prisma, key, () => computeFairnessReport(prisma, icsId, requested, today, request));
}

async function computeFairnessReport(
  prisma: PrismaClient,
  icsId: string,
  requested: Partial<WeekSpan>,
  today: Date,
  request: object,
): Promise<FairnessReport> {
  const periods = await closedFairnessPeriods(prisma, icsId, request);
  const nextPeriodStart = periods[0] ? addWeeksTo(periods[0].endWeek, 1) : null;
  const span = reportSpan(requested, nextPeriodStart, today);
  const closed = periods.find((period) => sameDay(period.startWeek, span.startWeek) && sameDay(period.endWeek, span.endWeek));
  const creditFrom = periods.find((period) => period.endWeek < span.startWeek);
  const { basis, months, frozen } = await loadFairnessTotals(prisma, icsId, span, { creditFrom: creditFrom?.id, frozen: closed?.id });
  const monthly = monthsOf(span).map(({ month, span: monthSpan }) => ({ month, span: monthSpan, totals: months.get(month) ?? new Map() }));
  const figures = figuresFromTotals(basis, spanTotals(monthly.map((month) => month.totals)));
  const named = withNames(basis.organisations);
  return {
    span,
    policy: closed?.policy ?? basis.policy,
    totalSupply: figures.totalSupply,
    closedPeriodId: closed?.id ?? null,
    organisations: named(frozen ?? figures.organisations),
    months: monthly.map(({ month, span: monthSpan, totals }) => ({
      month,
      span: monthSpan,
      organisations: named(figuresFromTotals(basis, totals).organisations),
    })),
    nextPeriodStart,
  };
}

const sameDay = (a: Date, b: Date) => a.getTime() === b.getTime();

/** The span's totals: the sum of its months'. */
function spanTotals(months: ReadonlyMap<string, OrganisationTotals>[]): Map<string, OrganisationTotals> {
  const totals = new Map<string, OrganisationTotals>();
  for (const month of months) {
    for (const [organisationId, { given, claimed, received }] of month) {
      const sum = totals.get(organisationId);
      if (sum) {
        sum.given += given;
        sum.claimed += claimed;
        sum.received += received;
      } else totals.set(organisationId, { given, claimed, received });
    }
  }
  return totals;
}

function reportSpan(requested: Partial<WeekSpan>, nextPeriodStart: Date | null, today: Date): WeekSpan {
  const quarter = bucketStart(today, 'quarter');
  const thisQuarter = weeksOfDays(quarter, addMonthsTo(quarter, 3));
  const startWeek = requested.startWeek ? mondayOf(requested.startWeek) : (nextPeriodStart ?? thisQuarter.startWeek);
  const defaultEnd = thisQuarter.endWeek > startWeek ? thisQuarter.endWeek : addWeeksTo(startWeek, 12);
  return checkedSpan({ startWeek, endWeek: requested.endWeek ? mondayOf(requested.endWeek) : defaultEnd });
}

/** A span of weeks a report or a close may cover, or VALIDATION_FAILED naming the field at fault. */
export function checkedSpan(span: WeekSpan): WeekSpan {
  if (span.endWeek < span.startWeek) {
    throw new ValidationFailedError([{ path: ['endWeek'], message: 'The last week must not be before the first week.' }]);
  }
  if (addWeeksTo(span.startWeek, MAX_REPORT_WEEKS) <= span.endWeek) {
    throw new ValidationFailedError([{ path: ['endWeek'], message: `A period covers at most ${MAX_REPORT_WEEKS} weeks.` }]);
  }
  return span;
}

/** The weeks of each calendar month the span touches, clipped to the span. */
function monthsOf(span: WeekSpan): { month: string; span: WeekSpan }[] {
  const months: { month: string; span: WeekSpan }[] = [];
  for (let month = bucketStart(span.startWeek, 'month'); month <= span.endWeek; month = addMonthsTo(month, 1)) {
    const weeks = weeksOfDays(month, addMonthsTo(month, 1));
    const startWeek = weeks.startWeek < span.startWeek ? span.startWeek : weeks.startWeek;
    const endWeek = weeks.endWeek > span.endWeek ? span.endWeek : weeks.endWeek;
    if (startWeek <= endWeek) months.push({ month: bucketLabel(month, 'month'), span: { startWeek, endWeek } });
  }
  return months;
}

/** Rows with their organisation's id and name, in the order of the names. */
function withNames(organisations: { id: string; name: string }[]): (rows: OrganisationFairness[]) => OrganisationFairnessRow[] {
  const ordered = organisations.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return (rows) => {
    const rowOf = new Map(rows.map((row) => [row.organisationId, row]));
    return ordered.flatMap((organisation) => {
      const row = rowOf.get(organisation.id);
      // Not `{ ...row, organisation }`: V8 builds a spread followed by more properties on a slow path.
      return row ? [Object.assign({ organisation }, row)] : [];
    });
  };
}
