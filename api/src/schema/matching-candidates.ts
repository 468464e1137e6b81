import { viewerOf } from '../context.ts';
import { isWorkforceLead } from '../auth/policy.ts';
import { rankCandidates, type CandidateView } from '../services/matching/candidates.ts';
import { builder } from './builder.ts';
import { AnalystSummary, ContinuityEnum, SkillFitRef } from './matching-explanation.ts';
import * as valid from './validation.ts';

// Eligible analysts for one request, ranked by the engine's scoring, for a workforce lead choosing by hand.

const CandidateKindEnum = builder.enumType('CandidateKind', { values: ['STANDARD', 'DEVELOPMENT'] as const });

const Candidate = builder.objectRef<CandidateView>('MatchCandidate').implement({
  description: 'An eligible analyst for a request, as the engine ranks them.',
  fields: (t) => ({
    analyst: t.field({ type: AnalystSummary, resolve: (candidate) => ({ id: candidate.analystId, name: candidate.analystName }) }),
    rank: t.exposeInt('rank'),
    score: t.exposeFloat('score', { description: 'Match quality, 0..1.' }),
    kind: t.field({ type: CandidateKindEnum, resolve: (candidate) => candidate.kind }),
    development: t.field({
      type: CandidateDevelopment,
      nullable: true,
      resolve: (candidate) => candidate.development,
    }),
    skills: t.field({ type: [SkillFitRef], resolve: (candidate) => candidate.skills }),
    availableFte: t.exposeFloat('availableFte', { description: 'Most FTE free in every remaining week of the request.' }),
    firstWeek: t.expose('firstWeek', { type: 'Date', description: 'The week weeklyRemainingFte starts at.' }),
    weeklyRemainingFte: t.exposeFloatList('weeklyRemainingFte'),
    interest: t.exposeBoolean('interest'),
    continuity: t.field({ type: ContinuityEnum, nullable: true, resolve: (candidate) => candidate.continuity }),
    explanation: t.exposeString('explanation'),
  }),
});

const CandidateDevelopment = builder.objectRef<NonNullable<CandidateView['development']>>('CandidateDevelopment').implement({
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    analystLevel: t.exposeInt('analystLevel'),
    requiredLevel: t.exposeInt('requiredLevel'),
    targetLevel: t.exposeInt('targetLevel'),
  }),
});

builder.queryField('candidates', (t) =>
  t.field({
    type: [Candidate],
    description: 'Eligible analysts for a request, best first, for choosing by hand.',
    authScopes: (_parent, _args, context) => isWorkforceLead(context.viewer),
    args: { requestId: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (_root, args, context) => rankCandidates(context.prisma, viewerOf(context), args.requestId, context.now()),
  }),
);
