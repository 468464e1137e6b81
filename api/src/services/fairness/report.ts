import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { addWeeksTo, mondayOf, type WeekSpan } from '../../domain/weeks.ts';
import { ValidationFailedError } from '../../errors.ts';
import { addMonthsTo, bucketLabel, bucketStart, weeksOfDays } from '../insight/calendar.ts';
import { reportCache } from '../insight/report-cache.ts';
import { fairnessFigures, weeklyCapacities, type FairnessData, type OrganisationFairness } from './figures.ts';
import { loadFairnessData } from './load-data.ts';

type Client = PrismaClient | Prisma.TransactionClient;

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
 * and is kept until the data changes (report-cache.ts).
 */
export async function fairnessReport(prisma: PrismaClient, icsId: string, requested: Partial<WeekSpan>, today: Date): Promise<FairnessReport> {
  const key = ['fairnessReport', icsId, requested.startWeek ?? null, requested.endWeek ?? null, bucketStart(today, 'quarter')];
  return reportCache.get(prisma, key, () => computeFairnessReport(prisma, icsId, requested, today));
}

async function computeFairnessReport(prisma: Client, icsId: string, requested: Partial<WeekSpan>, today: Date): Promise<FairnessReport> {
  const last = await prisma.fairnessPeriod.findFirst({ where: { icsId }, orderBy: { endWeek: 'desc' }, select: { endWeek: true } });
  const nextPeriodStart = last ? addWeeksTo(last.endWeek, 1) : null;
  const span = reportSpan(requested, nextPeriodStart, today);
  const [data, closed] = await Promise.all([
    loadFairnessData(prisma, icsId, span),
    prisma.fairnessPeriod.findFirst({
      where: { icsId, startWeek: span.startWeek, endWeek: span.endWeek },
      select: { id: true, policy: true, balances: true },
    }),
  ]);
  const capacities = weeklyCapacities(data, span);
  const figures = fairnessFigures(data, span, capacities);
  const named = withNames(data);
  const frozen = closed?.balances.map(
    (balance): OrganisationFairness => ({
      organisationId: balance.organisationId,
      weight: balance.weight.toNumber(),
      entitlement: balance.entitlement.toNumber(),
      claim: balance.claim.toNumber(),
      received: balance.received.toNumber(),
      satisfaction: balance.satisfaction?.toNumber() ?? null,
      contribution: balance.contribution.toNumber(),
      balance: balance.balance.toNumber(),
      creditIn: balance.creditIn.toNumber(),
      creditCarried: balance.creditCarried.toNumber(),
    }),
  );
  return {
    span,
    policy: closed ? (closed.policy as FairnessReport['policy']) : data.policy,
    totalSupply: figures.totalSupply,
    closedPeriodId: closed?.id ?? null,
    organisations: named(frozen ?? figures.organisations),
    months: monthsOf(span).map(({ month, span: monthSpan }) => ({
      month,
      span: monthSpan,
      organisations: named(fairnessFigures(data, monthSpan, capacities).organisations),
    })),
    nextPeriodStart,
  };
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

function withNames(data: FairnessData): (rows: OrganisationFairness[]) => OrganisationFairnessRow[] {
  const byId = new Map(data.organisations.map((organisation) => [organisation.id, { id: organisation.id, name: organisation.name }]));
  return (rows) =>
    rows
      .filter((row) => byId.has(row.organisationId))
      .map((row) => ({ ...row, organisation: byId.get(row.organisationId)! }))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
}
