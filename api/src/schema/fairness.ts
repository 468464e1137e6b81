import { viewerOf } from '../context.ts';
import { closeFairnessPeriod } from '../services/fairness/close-period.ts';
import type { OrganisationFairnessRow, FairnessMonth, FairnessReport } from '../services/fairness/report.ts';
import { fairnessReport } from '../services/fairness/report.ts';
import { closedFairnessPeriods, type ClosedFairnessPeriod } from '../services/fairness/periods.ts';
import { builder } from './builder.ts';
import { NamedRef } from './insight.ts';

// The fairness report (DESIGN §4–5): visible to everyone signed in, because transparency is what makes
// partners willing to pool. Figures are FTE-weeks unless stated.

interface Policy {
  alpha: number;
  beta: number;
  gamma: number;
}

const FairnessPolicy = builder.objectRef<Policy>('FairnessPolicy').implement({
  description: 'Weights of equal share (alpha), reciprocity (beta) and need (gamma); they sum to 1.',
  fields: (t) => ({ alpha: t.exposeFloat('alpha'), beta: t.exposeFloat('beta'), gamma: t.exposeFloat('gamma') }),
});

const OrganisationFairnessRef = builder.objectRef<OrganisationFairnessRow>('OrganisationFairness').implement({
  fields: (t) => ({
    organisation: t.field({ type: NamedRef, resolve: (row) => row.organisation }),
    weight: t.exposeFloat('weight', { description: 'w_o = α/N + β·(contribution + credit)/Σ + γ·need/Σ over organisations with demand.' }),
    entitlement: t.exposeFloat('entitlement', { description: 'E_o = w_o × the pool’s supply.' }),
    claim: t.exposeFloat('claim', { description: 'FTE-weeks its submitted requests asked for.' }),
    received: t.exposeFloat('received', { description: 'FTE-weeks of allocations holding or having held capacity on its requests.' }),
    satisfaction: t.exposeFloat('satisfaction', {
      nullable: true,
      description: 'min(1, received / min(claim, entitlement)); null when it claimed nothing.',
    }),
    contribution: t.exposeFloat('contribution', { description: 'Pooled FTE-weeks its analysts gave to the pool.' }),
    balance: t.exposeFloat('balance', { description: 'contribution − received.' }),
    creditIn: t.exposeFloat('creditIn', { description: 'Credit carried over from the last closed period.' }),
    creditCarried: t.exposeFloat('creditCarried', { description: 'max(0, balance): credit a close of this span carries into the next.' }),
  }),
});

const FairnessMonthRef = builder.objectRef<FairnessMonth>('FairnessMonth').implement({
  fields: (t) => ({
    month: t.exposeString('month'),
    startWeek: t.field({ type: 'Date', resolve: (month) => month.span.startWeek }),
    endWeek: t.field({ type: 'Date', resolve: (month) => month.span.endWeek }),
    organisations: t.field({ type: [OrganisationFairnessRef], resolve: (month) => month.organisations }),
  }),
});

const FairnessReportRef = builder.objectRef<FairnessReport>('FairnessReport').implement({
  fields: (t) => ({
    startWeek: t.field({ type: 'Date', resolve: (report) => report.span.startWeek }),
    endWeek: t.field({ type: 'Date', resolve: (report) => report.span.endWeek }),
    policy: t.field({ type: FairnessPolicy, resolve: (report) => report.policy }),
    totalSupply: t.exposeFloat('totalSupply', { description: 'The pool’s allocatable FTE-weeks in the span.' }),
    closedPeriodId: t.exposeID('closedPeriodId', {
      nullable: true,
      description: 'Set when the span is a closed period: the organisations’ figures are then the frozen ones.',
    }),
    organisations: t.field({ type: [OrganisationFairnessRef], resolve: (report) => report.organisations }),
    months: t.field({ type: [FairnessMonthRef], resolve: (report) => report.months }),
    nextPeriodStart: t.expose('nextPeriodStart', {
      type: 'Date',
      nullable: true,
      description: 'The week after the last closed period: where the next period to close starts. Null before the first close.',
    }),
  }),
});

const FairnessPeriodRef = builder.objectRef<ClosedFairnessPeriod>('FairnessPeriod').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    closedAt: t.expose('closedAt', { type: 'DateTime' }),
    closedByName: t.exposeString('closedByName', {
      nullable: true,
      description: 'Who closed it (their name only: the period is visible to everyone in the ICS).',
    }),
    policy: t.field({ type: FairnessPolicy, resolve: (period) => period.policy }),
  }),
});

builder.queryFields((t) => ({
  fairnessReport: t.field({
    type: FairnessReportRef,
    description:
      'Per organisation: entitlement, claim, received, satisfaction, contribution, balance and carried credit, for a span of weeks (default: the open period to the end of this quarter). Everyone in the ICS may read it.',
    authScopes: { authenticated: true },
    args: { startWeek: t.arg({ type: 'Date' }), endWeek: t.arg({ type: 'Date' }) },
    resolve: (_root, args, context) =>
      fairnessReport(
        context.prisma,
        viewerOf(context).icsId,
        { startWeek: args.startWeek ?? undefined, endWeek: args.endWeek ?? undefined },
        context.now(),
        context,
      ),
  }),
  fairnessPeriods: t.field({
    type: [FairnessPeriodRef],
    description: 'Closed fairness periods, latest first.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => closedFairnessPeriods(context.prisma, viewerOf(context).icsId, context),
  }),
}));

builder.mutationField('closeFairnessPeriod', (t) =>
  t.field({
    type: FairnessPeriodRef,
    description:
      'Freezes the fairness figures of a finished span of weeks (workforce leads). Periods never overlap; the credit frozen here weighs in the next matching runs.',
    authScopes: { authenticated: true },
    args: { startWeek: t.arg({ type: 'Date', required: true }), endWeek: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, args, context) => closeFairnessPeriod(context.prisma, viewerOf(context), args, context.now()),
  }),
);
