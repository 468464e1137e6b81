import { queryFromInfo } from '@pothos/plugin-prisma';
import { z } from 'zod';
import type { Allocation as AllocationRow, Prisma } from '../generated/prisma/client.ts';
import { AllocationKind, AllocationStatus, Decision } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { allocationPartiesOf, isWorkforceLead, visibleAllocations, type AllocationParty } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { NotFoundError, ValidationFailedError } from '../errors.ts';
import { assessPlacement } from '../services/allocations/placement.ts';
import type { SkillRequirementCheck } from '../services/allocations/skill-rule.ts';
import { confirmAllocations } from '../services/allocations/confirm.ts';
import { decideAllocation } from '../services/allocations/decide.ts';
import { proposeAllocation, updateProposal } from '../services/allocations/proposals.ts';
import { withdrawAllocation } from '../services/allocations/withdraw.ts';
import { builder } from './builder.ts';
import { pageThenRows } from './page-then-rows.ts';
import * as valid from './validation.ts';

const AllocationKindEnum = builder.enumType(AllocationKind, { name: 'AllocationKind' });
const AllocationStatusEnum = builder.enumType(AllocationStatus, { name: 'AllocationStatus' });
const DecisionEnum = builder.enumType(Decision, { name: 'Decision' });
const PARTIES = ['REQUESTER', 'RELEASE', 'ANALYST'] as const satisfies readonly AllocationParty[];
const AllocationPartyEnum = builder.enumType('AllocationParty', {
  values: PARTIES,
  description: "REQUESTER: the requesting organisation's lead; RELEASE: the analyst's home organisation lead; ANALYST: the analyst.",
});
const DecisionChoiceEnum = builder.enumType('DecisionChoice', { values: ['ACCEPT', 'DECLINE'] as const });

const PARTY_DECISION = { REQUESTER: 'requesterDecision', RELEASE: 'releaseDecision', ANALYST: 'analystDecision' } as const;

export const Allocation = builder.prismaObject('Allocation', {
  description: 'An analyst working on a request for a span of weeks.',
  // Only the columns the operation asks for: lists such as the timeline never read the engine's explanations.
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    analyst: t.relation('analyst'),
    request: t.relation('request'),
    fte: t.float({ description: 'FTE per week.', select: { fte: true }, resolve: (allocation) => allocation.fte.toNumber() }),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    kind: t.expose('kind', { type: AllocationKindEnum }),
    status: t.expose('status', { type: AllocationStatusEnum }),
    confirmedAt: t.expose('confirmedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the workforce lead confirmed it; from then on it holds the analyst’s time. Null while tentative.',
    }),
    confirmed: t.boolean({ select: { confirmedAt: true }, resolve: (allocation) => allocation.confirmedAt !== null }),
    requesterDecision: t.expose('requesterDecision', { type: DecisionEnum, description: "The requesting organisation lead's decision." }),
    releaseDecision: t.expose('releaseDecision', {
      type: DecisionEnum,
      description: "The home organisation lead's release approval; NOT_REQUIRED when the ICS does not ask for it.",
    }),
    analystDecision: t.expose('analystDecision', { type: DecisionEnum }),
    declineReason: t.exposeString('declineReason', { nullable: true, description: 'Why it was declined or withdrawn.' }),
    mentor: t.relation('mentor', { nullable: true, description: 'For a development placement: the mentor’s allocation.' }),
    version: t.exposeInt('version', { description: 'Pass it back to updateProposal, decideAllocation and withdrawAllocation.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    viewerParties: t.field({
      type: [AllocationPartyEnum],
      description: 'The parties you decide for on this allocation (empty for workforce leads and onlookers).',
      select: { analystId: true, analyst: { select: { organisationId: true } }, request: { select: { project: { select: { organisationId: true } } } } },
      resolve: (allocation, _args, context) => allocationPartiesOf(context.viewer, allocation),
    }),
    awaitingParties: t.field({
      type: [AllocationPartyEnum],
      description: 'Parties whose decision is still pending on a confirmed proposal; empty otherwise.',
      select: { status: true, confirmedAt: true, requesterDecision: true, releaseDecision: true, analystDecision: true },
      resolve: (allocation) =>
        allocation.status === 'PROPOSED' && allocation.confirmedAt
          ? PARTIES.filter((party) => allocation[PARTY_DECISION[party]] === 'PENDING')
          : [],
    }),
  }),
});

export const AllocationConnection = builder.connectionObject({ type: Allocation, name: 'AllocationConnection' });

/** Allocations are ordered by when they start. */
export const allocationOrder: Prisma.AllocationOrderByWithRelationInput[] = [{ startWeek: 'asc' }, { id: 'asc' }];

const AllocationFilter = builder.inputType('AllocationFilter', {
  fields: (t) => ({
    analystId: t.id({ validate: valid.optionalId }),
    organisationId: t.id({
      description: "Allocations of this organisation's analysts or to its requests.",
      validate: valid.optionalId,
    }),
    requestId: t.id({ validate: valid.optionalId }),
    runId: t.id({ description: 'Proposals of this matching run.', validate: valid.optionalId }),
    status: t.field({ type: AllocationStatusEnum }),
    statuses: t.field({ type: [AllocationStatusEnum], description: 'Any of these statuses.' }),
    confirmed: t.boolean({ description: 'true: confirmed by the workforce lead; false: still tentative.' }),
    fromWeek: t.field({ type: 'Date', description: 'Allocations running in or after this week.' }),
    toWeek: t.field({ type: 'Date', description: 'Allocations running in or before this week.' }),
    skillId: t.id({ description: 'Allocations of analysts who hold this skill.', validate: valid.optionalId }),
  }),
});

type AllocationFilterValue = typeof AllocationFilter.$inferInput;

function allocationsWhere(viewer: Viewer, filter: AllocationFilterValue | null | undefined): Prisma.AllocationWhereInput {
  const { analystId, organisationId, requestId, runId, status, statuses, confirmed, fromWeek, toWeek, skillId } = filter ?? {};
  const filtered: Prisma.AllocationWhereInput = {
    ...(analystId ? { analystId } : {}),
    ...(requestId ? { requestId } : {}),
    ...(runId ? { runId } : {}),
    ...(status || statuses ? { status: { in: [...(status ? [status] : []), ...(statuses ?? [])] } } : {}),
    ...(confirmed != null ? { confirmedAt: confirmed ? { not: null } : null } : {}),
    ...(fromWeek ? { endWeek: { gte: fromWeek } } : {}),
    ...(toWeek ? { startWeek: { lte: toWeek } } : {}),
    ...(skillId ? { analyst: { skills: { some: { skillId } } } } : {}),
    ...(organisationId
      ? { OR: [{ analyst: { organisationId } }, { request: { project: { organisationId } } }] }
      : {}),
  };
  return { AND: [visibleAllocations(viewer), filtered] };
}

const fte = z
  .number()
  .min(0.1, { message: 'Offer at least 0.1 FTE.' })
  .max(1, { message: 'Offer at most 1 FTE.' })
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, { message: 'Use steps of 0.1 FTE.' });
const monday = z.date().refine((date) => date.getUTCDay() === 1, { message: 'Weeks are named by their Monday.' });
const reason = z.string().trim().max(1000, { message: 'Keep the reason under 1,000 characters.' });

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A placement as the workforce lead enters it: proposing it, or checking it first. */
const placementFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  analystId: t.id({ required: true, validate: valid.id }),
  requestId: t.id({ required: true, validate: valid.id }),
  fte: t.float({ required: true, validate: fte }),
  startWeek: t.field({ type: 'Date', required: true, validate: monday }),
  endWeek: t.field({ type: 'Date', required: true, validate: monday }),
  kind: t.field({ type: AllocationKindEnum, description: 'Omitted: DEVELOPMENT when the analyst qualifies only under the development rule.' }),
  mentorAllocationId: t.id({ description: 'For a development placement; omitted: found on the request.', validate: valid.optionalId }),
});

const ProposeAllocationInput = builder.inputType('ProposeAllocationInput', { fields: placementFields });

const UpdateProposalInput = builder.inputType('UpdateProposalInput', {
  description: 'Omitted fields stay as they are.',
  fields: (t) => ({
    analystId: t.id({ validate: valid.optionalId }),
    fte: t.float({ validate: fte.nullish() }),
    startWeek: t.field({ type: 'Date', validate: monday.nullish() }),
    endWeek: t.field({ type: 'Date', validate: monday.nullish() }),
    kind: t.field({ type: AllocationKindEnum }),
    mentorAllocationId: t.id({ validate: valid.optionalId }),
  }),
});

const AllocationCheckInput = builder.inputType('AllocationCheckInput', {
  fields: (t) => ({
    ...placementFields(t),
    allocationId: t.id({ description: 'The proposal being edited: its own booking does not count against it.', validate: valid.optionalId }),
  }),
});

const ConfirmAllocationsInput = builder.inputType('ConfirmAllocationsInput', {
  description: 'Either ids (one or several proposals) or runId (every unconfirmed proposal of the run).',
  fields: (t) => ({
    ids: t.idList({ validate: z.array(valid.id).max(1000).nullish() }),
    runId: t.id({ validate: valid.optionalId }),
  }),
});

interface WeekCheck {
  week: Date;
  remainingFte: number;
  requestedFte: number;
}

const WeekCapacity = builder.objectRef<WeekCheck>('WeekCapacity').implement({
  fields: (t) => ({
    week: t.expose('week', { type: 'Date' }),
    remainingFte: t.exposeFloat('remainingFte', { description: 'FTE the analyst has left this week before this placement.' }),
    requestedFte: t.exposeFloat('requestedFte'),
    fits: t.boolean({ resolve: (week) => week.requestedFte <= week.remainingFte + 1e-9 }),
  }),
});

const SkillRequirementCheckRef = builder.objectRef<SkillRequirementCheck>('SkillRequirementCheck').implement({
  description: "A must-have skill of the request against the analyst's level.",
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    minLevel: t.exposeInt('minLevel'),
    analystLevel: t.exposeInt('analystLevel', { description: '0 when the analyst does not hold the skill.' }),
    met: t.exposeBoolean('met'),
  }),
});

interface CheckResult {
  fits: boolean;
  kind: AllocationKind;
  development: boolean;
  mentorAllocationId: string | null;
  problems: string[];
  skills: SkillRequirementCheck[];
  weeks: WeekCheck[];
}

const AllocationCheck = builder.objectRef<CheckResult>('AllocationCheck').implement({
  description: 'What the rules say about a placement before it is saved; nothing is written.',
  fields: (t) => ({
    fits: t.exposeBoolean('fits', { description: 'True when saving it would succeed.' }),
    kind: t.expose('kind', { type: AllocationKindEnum, description: 'The kind it would be saved as.' }),
    development: t.exposeBoolean('development', { description: 'The analyst qualifies only under the development rule.' }),
    mentorAllocationId: t.exposeID('mentorAllocationId', { nullable: true }),
    problems: t.exposeStringList('problems', { description: 'Every reason it would be refused, as a person reads them.' }),
    skills: t.field({ type: [SkillRequirementCheckRef], resolve: (check) => check.skills }),
    weeks: t.field({ type: [WeekCapacity], resolve: (check) => check.weeks }),
  }),
});

const DecisionResult = builder.objectRef<{ allocation: AllocationRow; replacement: AllocationRow | null }>('DecisionResult').implement({
  fields: (t) => ({
    allocation: t.prismaField({ type: 'Allocation', resolve: (_query, result) => result.allocation }),
    replacement: t.prismaField({
      type: 'Allocation',
      nullable: true,
      description: 'After a decline: the next best candidate, offered as a new unconfirmed proposal.',
      resolve: (_query, result) => result.replacement,
    }),
  }),
});

const workforceLeadsOnly = (_parent: unknown, _args: unknown, context: { viewer: Viewer | null }) => isWorkforceLead(context.viewer);

builder.queryFields((t) => ({
  allocations: t.prismaConnection(
    {
      type: 'Allocation',
      cursor: 'id',
      defaultSize: 50,
      description: 'Allocations by start week: every one in your ICS for workforce leads; for an organisation lead those of its requests and analysts; for an analyst their own.',
      authScopes: { authenticated: true },
      args: { filter: t.arg({ type: AllocationFilter }) },
      totalCount: (_connection, { filter }, context) =>
        context.prisma.allocation.count({ where: allocationsWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        pageThenRows(
          query,
          (paging) =>
            context.prisma.allocation.findMany({ ...paging, where: allocationsWhere(viewerOf(context), filter), orderBy: allocationOrder, select: { id: true } }),
          (selection, ids) => context.prisma.allocation.findMany({ ...selection, where: { id: { in: ids } } }),
        ),
    },
    AllocationConnection,
  ),
  allocation: t.prismaField({
    type: 'Allocation',
    nullable: true,
    description: 'Null when there is no such allocation you may see.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.allocation.findFirst({ ...query, where: { id, ...allocationsWhere(viewerOf(context), null) } }),
  }),
  allocationCheck: t.field({
    type: AllocationCheck,
    description: "Checks a placement against the analyst's remaining time per week and the request's skills, without saving it.",
    authScopes: workforceLeadsOnly,
    args: { input: t.arg({ type: AllocationCheckInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const viewer = viewerOf(context);
      if (input.allocationId) {
        const own = await context.prisma.allocation.findFirst({ where: { id: input.allocationId, icsId: viewer.icsId }, select: { id: true } });
        if (!own) throw new NotFoundError('Allocation');
      }
      const assessment = await assessPlacement(context.prisma, input, {
        icsId: viewer.icsId,
        today: context.now(),
        allocationId: input.allocationId ?? undefined,
        checkStartNotPast: true,
      });
      const problems = [
        ...assessment.issues.map((issue) => issue.message),
        ...assessment.skillProblems.map((problem) => `Skills: ${problem}.`),
        ...assessment.shortfalls.map(
          (week) => `Week of ${week.week}: ${week.remainingFte} FTE left, ${week.requestedFte} FTE asked.`,
        ),
      ];
      return {
        fits: problems.length === 0,
        kind: assessment.kind,
        development: assessment.development !== null,
        mentorAllocationId: assessment.mentorAllocationId,
        problems,
        skills: assessment.requirements,
        weeks: assessment.load.map((week) => ({
          week: week.week,
          remainingFte: Math.max(0, week.remainingTenths) / 10,
          requestedFte: week.requestedTenths / 10,
        })),
      };
    },
  }),
}));

builder.mutationFields((t) => ({
  proposeAllocation: t.prismaField({
    type: 'Allocation',
    description:
      'Workforce lead: proposes an analyst for a request by hand (unconfirmed; holds no time until confirmed). SKILL_REQUIREMENT_NOT_MET, ANALYST_OVER_CAPACITY or VALIDATION_FAILED when it cannot be.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ProposeAllocationInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const { id } = await proposeAllocation(context.prisma, viewerOf(context), input, context.now());
      return context.prisma.allocation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateProposal: t.prismaField({
    type: 'Allocation',
    description: 'Workforce lead: changes the analyst, FTE or weeks of a proposal no party has decided on. STALE_VERSION when `version` is not current.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateProposalInput, required: true }),
    },
    resolve: async (query, _root, { id, version, input }, context) => {
      await updateProposal(context.prisma, viewerOf(context), { id, version, changes: input, today: context.now() });
      return context.prisma.allocation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  confirmAllocations: t.prismaField({
    type: ['Allocation'],
    description:
      'Workforce lead: confirms proposals (by ids, or every unconfirmed one of a run); they then hold the analysts’ time. All or nothing: ANALYST_OVER_CAPACITY names the analyst and weeks when one does not fit.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ConfirmAllocationsInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      if (input.runId && input.ids) {
        throw new ValidationFailedError([{ path: ['input', 'runId'], message: 'Give either the proposals’ ids or a run, not both.' }]);
      }
      const target = input.runId ? { runId: input.runId } : { ids: input.ids ?? [] };
      const { ids } = await confirmAllocations(context.prisma, viewerOf(context), target, context.now());
      return context.prisma.allocation.findMany({ ...query, where: { id: { in: ids } }, orderBy: allocationOrder });
    },
  }),
  decideAllocation: t.field({
    type: DecisionResult,
    description:
      'Accept or decline a confirmed proposal as the party you are (requesting organisation lead, the analyst’s home organisation lead, the analyst). All required acceptances make it ACCEPTED; a decline makes it DECLINED and offers the next best candidate.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
      decision: t.arg({ type: DecisionChoiceEnum, required: true }),
      reason: t.arg.string({ validate: reason.nullish() }),
      as: t.arg({ type: AllocationPartyEnum, description: 'Omitted: every party you are that has not decided yet.' }),
    },
    resolve: async (_root, args, context, info) => {
      const { id, replacementId } = await decideAllocation(context.prisma, viewerOf(context), { ...args, today: context.now() });
      const [allocation, replacement] = await Promise.all([
        context.prisma.allocation.findUniqueOrThrow({ ...queryFromInfo({ context, info, path: ['allocation'] }), where: { id } }),
        replacementId
          ? context.prisma.allocation.findUniqueOrThrow({ ...queryFromInfo({ context, info, path: ['replacement'] }), where: { id: replacementId } })
          : null,
      ]);
      return { allocation, replacement };
    },
  }),
  withdrawAllocation: t.prismaField({
    type: 'Allocation',
    description: 'Workforce lead or the requesting organisation’s lead: withdraws a proposal or an accepted or active allocation, freeing the analyst’s time.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
      reason: t.arg.string({ required: true, validate: reason.min(1, { message: 'Say why the allocation is withdrawn.' }) }),
    },
    resolve: async (query, _root, args, context) => {
      await withdrawAllocation(context.prisma, viewerOf(context), args);
      return context.prisma.allocation.findUniqueOrThrow({ ...query, where: { id: args.id } });
    },
  }),
}));
