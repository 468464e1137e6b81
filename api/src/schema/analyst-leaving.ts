import type { Allocation as AllocationRow } from '../generated/prisma/client.ts';
import { AnalystStatus } from '../generated/prisma/enums.ts';
import { canRecordLeaving } from '../auth/policy.ts';
import { viewerOf } from '../context.ts';
import { LIVE_STATUSES } from '../services/allocations/records.ts';
import { anonymisationDueOn, leavingChanges, type LeavingChange } from '../services/analysts/leaving-plan.ts';
import { recordAnalystLeaving } from '../services/analysts/record-leaving.ts';
import { Allocation, allocationOrder } from './allocations.ts';
import { personal } from './analysts.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

const AnalystStatusEnum = builder.enumType(AnalystStatus, { name: 'AnalystStatus' });

const LeavingOutcomeEnum = builder.enumType('LeavingOutcome', {
  values: {
    END: { description: 'Ends in the last week before the one the analyst leaves in.' },
    WITHDRAW: { description: 'Withdrawn: undecided, or it would only have begun after they left.' },
  },
});

const LeavingChangeRef = builder.objectRef<LeavingChange<AllocationRow>>('LeavingChange').implement({
  description: 'What recording an analyst’s leaving would do to one of their allocations.',
  fields: (t) => ({
    allocation: t.field({ type: Allocation, resolve: (change) => change.allocation }),
    outcome: t.field({ type: LeavingOutcomeEnum, resolve: (change) => change.outcome }),
    endWeek: t.field({ type: 'Date', nullable: true, description: 'For END: the new last week.', resolve: (change) => change.endWeek }),
  }),
});

const LeavingPlanRef = builder
  .objectRef<{ changes: LeavingChange<AllocationRow>[]; anonymisationDueOn: Date }>('LeavingPlan')
  .implement({
    fields: (t) => ({
      changes: t.field({ type: [LeavingChangeRef], description: 'Their allocations that end or are withdrawn.', resolve: (plan) => plan.changes }),
      anonymisationDueOn: t.field({
        type: 'Date',
        description: 'When their personal data would be anonymised (RETENTION_MONTHS_AFTER_LEAVING after leaving).',
        resolve: (plan) => plan.anonymisationDueOn,
      }),
    }),
  });

/** Who records leaving: the analyst's home organisation lead or a workforce lead, never the analyst. */
const leavingRecorders = {
  authScopes: (analyst: { id: string; organisationId: string }, _args: unknown, context: { viewer: Parameters<typeof canRecordLeaving>[0] }) =>
    canRecordLeaving(context.viewer, analyst),
  unauthorizedResolver: () => null,
} as const;

builder.prismaObjectFields('Analyst', (t) => ({
  status: t.expose('status', { type: AnalystStatusEnum, description: 'LEFT once a lead has recorded that the analyst left.' }),
  leftOn: t.expose('leftAt', { type: 'Date', nullable: true, ...personal }),
  anonymisationDueOn: t.field({
    type: 'Date',
    nullable: true,
    ...personal,
    description: `${personal.description} For a leaver not yet anonymised: the day their personal data is anonymised (RETENTION_MONTHS_AFTER_LEAVING after leaving).`,
    select: { status: true, leftAt: true, anonymisedAt: true },
    resolve: (analyst, _args, context) =>
      analyst.status === 'LEFT' && analyst.leftAt && !analyst.anonymisedAt ? anonymisationDueOn(analyst.leftAt, context.retentionMonthsAfterLeaving) : null,
  }),
  canRecordLeaving: t.boolean({
    description: 'Whether you may record that this analyst has left (recordAnalystLeaving).',
    select: { status: true },
    resolve: (analyst, _args, context) => analyst.status === 'ACTIVE' && canRecordLeaving(context.viewer, analyst),
  }),
  leavingPlan: t.field({
    type: LeavingPlanRef,
    nullable: true,
    description: 'What recordAnalystLeaving with this date would do. Null unless you may record it.',
    args: { leftOn: t.arg({ type: 'Date', required: true }) },
    ...leavingRecorders,
    resolve: async (analyst, { leftOn }, context) => {
      const allocations = await context.prisma.allocation.findMany({
        where: { analystId: analyst.id, status: { in: LIVE_STATUSES } },
        orderBy: allocationOrder,
      });
      return { changes: leavingChanges(allocations, leftOn), anonymisationDueOn: anonymisationDueOn(leftOn, context.retentionMonthsAfterLeaving) };
    },
  }),
}));

const RecordAnalystLeavingInput = builder.inputType('RecordAnalystLeavingInput', {
  fields: (t) => ({
    analystId: t.id({ required: true, validate: valid.id }),
    leftOn: t.field({ type: 'Date', required: true, description: 'The day they left: today or earlier, after their completed work.' }),
    version: t.int({ required: true, description: 'The analyst’s version (optimistic concurrency).' }),
  }),
});

builder.mutationField('recordAnalystLeaving', (t) =>
  t.prismaField({
    type: 'Analyst',
    description:
      'Records that an analyst has left (see leavingPlan for what happens to their allocations); their sign-in is disabled. ' +
      'Allowed to their home organisation lead and workforce leads. INVALID_TRANSITION when already recorded.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RecordAnalystLeavingInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      await recordAnalystLeaving(context.prisma, viewerOf(context), input, {
        today: context.now(),
        retentionMonthsAfterLeaving: context.retentionMonthsAfterLeaving,
      });
      return context.prisma.analyst.findUniqueOrThrow({ ...query, where: { id: input.analystId } });
    },
  }),
);
