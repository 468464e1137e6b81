import { MatchingRunStatus } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { isWorkforceLead } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import type { MatchingPolicy, OrganisationOutcome, SolverStats } from '../matching/types.ts';
import { compareInSharedWorker } from '../matching/run-in-worker.ts';
import { runMatching, type StoredMetrics } from '../services/matching/run-matching.ts';
import { builder } from './builder.ts';
import './matching-explanation.ts';
import './matching-candidates.ts';
import { Organisation } from './organisations.ts';
import * as valid from './validation.ts';

// Matching runs: start one, list them, read one with its metrics (engine and baseline), per-organisation
// fairness and proposals. Metrics and policy are JSON columns, exposed here as typed objects.

const MatchingRunStatusEnum = builder.enumType(MatchingRunStatus, { name: 'MatchingRunStatus' });

const Policy = builder.objectRef<MatchingPolicy>('MatchingPolicy').implement({
  description: 'The fairness policy a run used: the ICS policy with the run’s overrides.',
  fields: (t) => ({
    alpha: t.exposeFloat('alpha', { description: 'Weight of the equal share.' }),
    beta: t.exposeFloat('beta', { description: 'Weight of reciprocity (pooled time given).' }),
    gamma: t.exposeFloat('gamma', { description: 'Weight of need.' }),
    maxConcurrentRequests: t.exposeInt('maxConcurrentRequests'),
    developmentShareCap: t.exposeFloat('developmentShareCap'),
    homeRequestsDrawOnPool: t.exposeBoolean('homeRequestsDrawOnPool'),
  }),
});

const Metrics = builder.objectRef<StoredMetrics>('RunMetrics').implement({
  description: 'Fairness and quality of one set of proposals (DESIGN §4). Volumes in FTE-weeks.',
  fields: (t) => ({
    requestedFteWeeks: t.exposeFloat('requestedFteWeeks'),
    matchedFteWeeks: t.exposeFloat('matchedFteWeeks'),
    fulfilment: t.exposeFloat('fulfilment', { description: 'Matched / requested FTE-weeks.' }),
    minSatisfaction: t.exposeFloat('minSatisfaction'),
    jain: t.exposeFloat('jain', { description: "Jain's index over organisations' satisfaction (1 = even)." }),
    gini: t.exposeFloat('gini', { description: 'Gini coefficient of satisfaction (0 = even).' }),
    meanSkillFit: t.exposeFloat('meanSkillFit'),
    developmentPlacements: t.exposeInt('developmentPlacements'),
    overCapacity: t.exposeInt('overCapacity', { description: 'Analysts booked above capacity in some week; always 0.' }),
    skillViolations: t.exposeInt('skillViolations'),
    solveMs: t.exposeFloat('solveMs'),
  }),
});

const Outcome = builder.objectRef<OrganisationOutcome>('RunOrganisationOutcome').implement({
  fields: (t) => ({
    weight: t.exposeFloat('weight'),
    entitlement: t.exposeFloat('entitlement', { description: 'Fair share of the pool, FTE-weeks.' }),
    claim: t.exposeFloat('claim', { description: 'FTE-weeks asked for in the window.' }),
    received: t.exposeFloat('received'),
    satisfaction: t.exposeFloat('satisfaction', { description: 'min(1, received / min(claim, entitlement)).' }),
  }),
});

interface OrganisationFairnessValue {
  organisation: typeof Organisation.$inferType;
  engine: OrganisationOutcome | null;
  baseline: OrganisationOutcome | null;
}

const OrganisationFairness = builder.objectRef<OrganisationFairnessValue>('RunOrganisationFairness').implement({
  description: "One organisation's outcome under the engine and under the first-come-first-served baseline.",
  fields: (t) => ({
    organisation: t.field({ type: Organisation, resolve: (value) => value.organisation }),
    engine: t.field({ type: Outcome, nullable: true, resolve: (value) => value.engine }),
    baseline: t.field({ type: Outcome, nullable: true, resolve: (value) => value.baseline }),
  }),
});

const Stage = builder.objectRef<SolverStats['stages'][number]>('SolverStage').implement({
  fields: (t) => ({ name: t.exposeString('name'), ms: t.exposeFloat('ms') }),
});

const Solver = builder.objectRef<SolverStats>('SolverStats').implement({
  fields: (t) => ({
    lpSolves: t.exposeInt('lpSolves'),
    mipSolves: t.exposeInt('mipSolves'),
    variables: t.exposeInt('variables'),
    constraints: t.exposeInt('constraints'),
    stages: t.field({ type: [Stage], resolve: (stats) => stats.stages }),
    totalMs: t.exposeFloat('totalMs'),
  }),
});

function metricsOf(value: unknown): StoredMetrics | null {
  return (value as StoredMetrics | null) ?? null;
}

builder.prismaObject('MatchingRun', {
  description: 'One run of the matching engine over a planning window.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: MatchingRunStatusEnum }),
    windowStart: t.expose('windowStart', { type: 'Date', description: 'First Monday of the window.' }),
    windowEnd: t.expose('windowEnd', { type: 'Date', description: 'Last Monday of the window.' }),
    policy: t.field({ type: Policy, resolve: (run) => run.policy as unknown as MatchingPolicy }),
    inputDigest: t.exposeString('inputDigest', { nullable: true, description: 'SHA-256 of the engine input.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why a FAILED run failed.' }),
    metrics: t.field({ type: Metrics, nullable: true, description: 'Of the engine’s proposals; null until the run succeeds.', resolve: (run) => metricsOf(run.metrics) }),
    baselineMetrics: t.field({
      type: Metrics,
      nullable: true,
      description: 'The first-come-first-served baseline over the same input, for comparison.',
      resolve: (run) => metricsOf(run.baselineMetrics),
    }),
    organisations: t.field({
      type: [OrganisationFairness],
      description: 'Per organisation with demand: entitlement and what it received, engine vs baseline.',
      select: (_args, _context, nestedSelection) => ({
        metrics: true,
        baselineMetrics: true,
        ics: { select: { organisations: nestedSelection(true, ['organisation']) } },
      }),
      resolve: (run) => {
        const engine = metricsOf(run.metrics)?.organisations ?? [];
        const baseline = metricsOf(run.baselineMetrics)?.organisations ?? [];
        const byId = new Map(run.ics.organisations.map((organisation) => [organisation.id, organisation]));
        return engine.flatMap((outcome) => {
          const organisation = byId.get(outcome.organisationId);
          if (!organisation) return [];
          const other = baseline.find((candidate) => candidate.organisationId === outcome.organisationId) ?? null;
          return [{ organisation, engine: outcome, baseline: other }];
        });
      },
    }),
    solverStats: t.field({ type: Solver, nullable: true, resolve: (run) => (run.solverStats as SolverStats | null) ?? null }),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    proposals: t.relatedConnection('allocations', {
      cursor: 'id',
      description: 'The allocations this run proposed, by request then kind.',
      totalCount: true,
      query: { orderBy: [{ requestId: 'asc' }, { kind: 'asc' }, { analystId: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

const PolicyInput = builder.inputType('MatchingPolicyInput', {
  description: 'Overrides of the ICS fairness policy for one run; omitted values come from the ICS.',
  fields: (t) => ({
    alpha: t.float({ description: 'Equal share weight; give alpha, beta and gamma together, adding up to 1.' }),
    beta: t.float({ description: 'Reciprocity weight.' }),
    gamma: t.float({ description: 'Need weight.' }),
    maxConcurrentRequests: t.int(),
    developmentShareCap: t.float(),
  }),
});

const RunMatchingInput = builder.inputType('RunMatchingInput', {
  fields: (t) => ({
    windowStart: t.field({ type: 'Date', required: true, description: 'Any day of the first week.' }),
    windowEnd: t.field({ type: 'Date', required: true, description: 'Any day of the last week.' }),
    policy: t.field({ type: PolicyInput }),
  }),
});

const workforceLeadsOnly = (_parent: unknown, _args: unknown, context: { viewer: Viewer | null }) => isWorkforceLead(context.viewer);

builder.mutationField('runMatching', (t) =>
  t.prismaField({
    type: 'MatchingRun',
    description:
      'Runs the matching engine and the baseline over a window; returns when the run has finished (SUCCEEDED with proposals, or FAILED with its reason).',
    authScopes: workforceLeadsOnly,
    args: { input: t.arg({ type: RunMatchingInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const run = await runMatching(context.prisma, viewerOf(context), input, context.now, { compare: compareInSharedWorker });
      return context.prisma.matchingRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
);

builder.prismaObjectField('Ics', 'planningHorizonWeeks', (t) =>
  t.exposeInt('planningHorizonWeeks', { description: 'Weeks a matching run plans ahead by default.' }),
);

builder.queryFields((t) => ({
  matchingRuns: t.prismaConnection(
    {
      type: 'MatchingRun',
      cursor: 'id',
      defaultSize: 20,
      description: 'Matching runs of your ICS, newest first.',
      authScopes: workforceLeadsOnly,
      totalCount: (_connection, _args, context) => context.prisma.matchingRun.count({ where: { icsId: viewerOf(context).icsId } }),
      resolve: (query, _root, _args, context) =>
        context.prisma.matchingRun.findMany({
          ...query,
          where: { icsId: viewerOf(context).icsId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'MatchingRunConnection' },
  ),
  matchingRun: t.prismaField({
    type: 'MatchingRun',
    nullable: true,
    description: 'Null when your ICS has no run with this id.',
    authScopes: workforceLeadsOnly,
    args: { id: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, args, context) =>
      context.prisma.matchingRun.findFirst({ ...query, where: { id: args.id, icsId: viewerOf(context).icsId } }),
  }),
}));
