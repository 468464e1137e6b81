import type { Allocation as AllocationRow } from '../generated/prisma/client.ts';
import { AnalystStatus } from '../generated/prisma/enums.ts';
import { canRecordLeaving } from '../auth/policy.ts';
import { viewerOf } from '../context.ts';
import { LIVE_STATUSES } from '../services/allocations/records.ts';
import { cancelAnalystLeaving, recordedLeavingChanges } from '../services/analysts/cancel-leaving.ts';
import { anonymisationDueOn, LEAVING_NOTICE_MONTHS, leavingChanges, leavingHasHappened, type LeavingChange } from '../services/analysts/leaving-plan.ts';
import { recordAnalystLeaving } from '../services/analysts/record-leaving.ts';
import { Allocation, allocationOrder } from './allocations.ts';
import { personal } from './analysts.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

const AnalystStatusEnum = builder.enumType(AnalystStatus, { name: 'AnalystStatus' });

const LeavingOutcomeEnum = builder.enumType('LeavingOutcome', {
  values: {
    END: { description: 'Ends in the last week before the one the analyst leaves in.' },
    WITHDRAW: { description: 'Withdrawn: undecided, or it would only have begun in or after the week they leave in.' },
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
  .objectRef<{ changes: LeavingChange<AllocationRow>[]; anonymisationDueOn: Date; immediate: boolean }>('LeavingPlan')
  .implement({
    fields: (t) => ({
      changes: t.field({ type: [LeavingChangeRef], description: 'Their allocations that end or are withdrawn.', resolve: (plan) => plan.changes }),
      immediate: t.boolean({
        description: 'Whether the day is today or has passed: they are LEFT and signed out at once, not on that day.',
        resolve: (plan) => plan.immediate,
      }),
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
  status: t.expose('status', { type: AnalystStatusEnum, description: 'LEFT from the leaving day a lead recorded.' }),
  leftOn: t.expose('leftAt', {
    type: 'Date',
    nullable: true,
    ...personal,
    description: `${personal.description} The recorded leaving day: while it is ahead, status is still ACTIVE ("leaving on").`,
  }),
  anonymisationDueOn: t.field({
    type: 'Date',
    nullable: true,
    ...personal,
    description: `${personal.description} For a leaver (or an analyst leaving on a later day) not yet anonymised: the day their personal data is anonymised (RETENTION_MONTHS_AFTER_LEAVING after leaving).`,
    select: { leftAt: true, anonymisedAt: true },
    resolve: (analyst, _args, context) =>
      analyst.leftAt && !analyst.anonymisedAt ? anonymisationDueOn(analyst.leftAt, context.retentionMonthsAfterLeaving) : null,
  }),
  canRecordLeaving: t.boolean({
    description: 'Whether you may record this analyst’s leaving day (recordAnalystLeaving): none is recorded yet.',
    select: { status: true, leftAt: true },
    resolve: (analyst, _args, context) => analyst.status === 'ACTIVE' && !analyst.leftAt && canRecordLeaving(context.viewer, analyst),
  }),
  canCancelLeaving: t.boolean({
    description: 'Whether you may cancel this analyst’s recorded leaving (cancelAnalystLeaving): its day is still ahead.',
    select: { status: true, leftAt: true },
    resolve: (analyst, _args, context) =>
      analyst.status === 'ACTIVE' && analyst.leftAt !== null && !leavingHasHappened(analyst.leftAt, context.now()) && canRecordLeaving(context.viewer, analyst),
  }),
  recordedLeavingChanges: t.field({
    type: [LeavingChangeRef],
    nullable: true,
    description:
      'The allocations the latest recorded leaving ended or withdrew. Cancelling the leaving does not restore them: propose them ' +
      'again if needed. Null unless you may record this analyst’s leaving.',
    ...leavingRecorders,
    resolve: async (analyst, _args, context) => {
      const { endedAllocationIds, withdrawnAllocationIds } = await recordedLeavingChanges(context.prisma, viewerOf(context).icsId, analyst.id);
      const allocations = await context.prisma.allocation.findMany({
        where: { id: { in: [...endedAllocationIds, ...withdrawnAllocationIds] }, analystId: analyst.id },
        orderBy: allocationOrder,
      });
      return allocations.map((allocation): LeavingChange<AllocationRow> =>
        endedAllocationIds.includes(allocation.id)
          ? { allocation, outcome: 'END', endWeek: allocation.endWeek }
          : { allocation, outcome: 'WITHDRAW', endWeek: null },
      );
    },
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
      return {
        changes: leavingChanges(allocations, leftOn, context.now()),
        anonymisationDueOn: anonymisationDueOn(leftOn, context.retentionMonthsAfterLeaving),
        immediate: leavingHasHappened(leftOn, context.now()),
      };
    },
  }),
}));

const RecordAnalystLeavingInput = builder.inputType('RecordAnalystLeavingInput', {
  fields: (t) => ({
    analystId: t.id({ required: true, validate: valid.id }),
    leftOn: t.field({
      type: 'Date',
      required: true,
      description: `The day they leave or left: at most ${LEAVING_NOTICE_MONTHS} months ahead, after their completed work.`,
    }),
    version: t.int({ required: true, description: 'The analyst’s version (optimistic concurrency).' }),
  }),
});

builder.mutationField('recordAnalystLeaving', (t) =>
  t.prismaField({
    type: 'Analyst',
    description:
      'Records the day an analyst leaves or left; their allocations change at once (see leavingPlan), and from that day ' +
      '(at once for today or earlier) they are LEFT and their sign-in is disabled. Allowed to their home organisation lead ' +
      'and workforce leads. INVALID_TRANSITION when a leaving is already recorded.',
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

const CancelAnalystLeavingInput = builder.inputType('CancelAnalystLeavingInput', {
  fields: (t) => ({
    analystId: t.id({ required: true, validate: valid.id }),
    version: t.int({ required: true, description: 'The analyst’s version (optimistic concurrency).' }),
  }),
});

builder.mutationField('cancelAnalystLeaving', (t) =>
  t.prismaField({
    type: 'Analyst',
    description:
      'Cancels a leaving recorded for a day still ahead: the analyst stays. Allocations the leaving ended or withdrew are not ' +
      'restored (recordedLeavingChanges lists them to propose again). LEAVING_DATE_PASSED from the leaving day on; ' +
      'INVALID_TRANSITION when no leaving is recorded. Allowed to their home organisation lead and workforce leads.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CancelAnalystLeavingInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      await cancelAnalystLeaving(context.prisma, viewerOf(context), input, context.now());
      return context.prisma.analyst.findUniqueOrThrow({ ...query, where: { id: input.analystId } });
    },
  }),
);
