import { z } from 'zod';
import type { Context } from '../context.ts';
import { viewerOf } from '../context.ts';
import { setInterest } from '../services/careers/interest.ts';
import { findOpportunities, type Opportunity } from '../services/careers/opportunities.ts';
import { analystIdOf } from '../services/careers/signed-in-analyst.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

// Opportunities for the signed-in analyst, and their interest in them.

const OpportunityKindEnum = builder.enumType('OpportunityKind', {
  values: { STANDARD: { description: 'You meet every must-have skill.' }, DEVELOPMENT: { description: 'A mentored development placement.' } },
});

const OpportunitySkill = builder.objectRef<Opportunity['skills'][number]>('OpportunitySkill').implement({
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    required: t.boolean({ description: 'A must-have skill (else nice-to-have).', resolve: (skill) => skill.kind === 'REQUIRED' }),
    wantedLevel: t.exposeInt('wantedLevel', { description: 'Minimum level (must-have) or desired level.' }),
    yourLevel: t.exposeInt('yourLevel', { description: '0 when you do not hold the skill.' }),
  }),
});

const SkillGrowth = builder.objectRef<Opportunity['grows'][number]>('SkillGrowth').implement({
  description: 'A skill you aspire to grow that the work uses.',
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    level: t.exposeInt('level', { description: 'Your level now; 0 when you do not hold it yet.' }),
    targetLevel: t.exposeInt('targetLevel'),
  }),
});

type Development = NonNullable<Opportunity['development']>;

const Mentor = builder.objectRef<Development['mentors'][number]>('MentorCandidate').implement({
  description: 'A fully qualified colleague with time on the request, who could mentor a development placement.',
  fields: (t) => ({
    analystId: t.exposeID('analystId'),
    name: t.exposeString('name'),
    level: t.exposeInt('level', { description: 'Their level in the skill you would grow.' }),
  }),
});

const DevelopmentPlacement = builder.objectRef<Development>('DevelopmentOpportunity').implement({
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    yourLevel: t.exposeInt('yourLevel'),
    requiredLevel: t.exposeInt('requiredLevel'),
    mentors: t.field({ type: [Mentor], resolve: (development) => development.mentors }),
  }),
});

export const OpportunityRef = builder.objectRef<Opportunity>('Opportunity').implement({
  description: 'An open request you could take, with why it fits and how it would grow you.',
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    projectTitle: t.exposeString('projectTitle'),
    organisationId: t.exposeID('organisationId'),
    organisationName: t.exposeString('organisationName'),
    startWeek: t.expose('startWeek', { type: 'Date', description: 'The first week you could start: this week for work already under way.' }),
    endWeek: t.expose('endWeek', { type: 'Date', description: 'The last week, within the planning horizon.' }),
    weekCount: t.exposeInt('weekCount', { description: 'Weeks from startWeek to endWeek.' }),
    requestedFte: t.exposeFloat('requestedFte'),
    openFte: t.exposeFloat('openFte', { description: 'FTE per week not yet filled.' }),
    availableFte: t.exposeFloat('availableFte', { description: 'The most you could give every week, within what is open.' }),
    kind: t.expose('kind', { type: OpportunityKindEnum }),
    score: t.exposeFloat('score', { description: 'Fit and growth; higher comes first.' }),
    interested: t.exposeBoolean('interested'),
    skills: t.field({ type: [OpportunitySkill], resolve: (opportunity) => opportunity.skills }),
    grows: t.field({ type: [SkillGrowth], resolve: (opportunity) => opportunity.grows }),
    development: t.field({ type: DevelopmentPlacement, nullable: true, resolve: (opportunity) => opportunity.development }),
    explanation: t.exposeStringList('explanation', { description: 'Why it is offered, in sentences.' }),
  }),
});

const InterestChange = builder.objectRef<{ requestId: string; interested: boolean }>('InterestChange').implement({
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    interested: t.exposeBoolean('interested'),
  }),
});

function myOpportunities(context: Context): Promise<Opportunity[]> {
  const viewer = viewerOf(context);
  return findOpportunities(context.prisma, { icsId: viewer.icsId, analystId: analystIdOf(viewer) }, context.now());
}

builder.queryFields((t) => ({
  opportunities: t.field({
    type: [OpportunityRef],
    description: 'For the signed-in analyst: open requests they could take, best fit and growth first. FORBIDDEN to non-analysts.',
    authScopes: { authenticated: true },
    args: { first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(100) }) },
    resolve: async (_root, { first }, context) => (await myOpportunities(context)).slice(0, first ?? 20),
  }),
  opportunity: t.field({
    type: OpportunityRef,
    nullable: true,
    description: 'One of your opportunities; null when the request is not (or no longer) one you could take.',
    authScopes: { authenticated: true },
    args: { requestId: t.arg.id({ required: true, validate: valid.id }) },
    resolve: async (_root, { requestId }, context) =>
      (await myOpportunities(context)).find((found) => found.requestId === requestId) ?? null,
  }),
}));

builder.mutationFields((t) => ({
  expressInterest: t.field({
    type: InterestChange,
    description: 'Tells matching you would like this open request; it counts as a preference, never against fairness or capacity.',
    authScopes: { authenticated: true },
    args: { requestId: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (_root, { requestId }, context) => setInterest(context.prisma, viewerOf(context), { requestId, interested: true }),
  }),
  withdrawInterest: t.field({
    type: InterestChange,
    authScopes: { authenticated: true },
    args: { requestId: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (_root, { requestId }, context) => setInterest(context.prisma, viewerOf(context), { requestId, interested: false }),
  }),
}));
