import { viewerOf } from '../context.ts';
import { careerPathOf, type CareerPath, type SkillGap, type SkillHistoryEntry } from '../services/careers/career-path.ts';
import { feedbackDueFor, giveFeedback, type FeedbackDue } from '../services/careers/feedback.ts';
import { analystIdOf } from '../services/careers/signed-in-analyst.ts';
import { recordProfileRead } from '../services/privacy/profile-reads.ts';
import { builder } from './builder.ts';
import { OpportunityRef } from './careers.ts';
import { AgendaForChangeBandEnum } from './role-profiles.ts';
import * as valid from './validation.ts';

// An analyst's path to their target role, and the requesting lead's feedback that evidences progress.

const SkillGapRef = builder.objectRef<SkillGap>('SkillGap').implement({
  description: 'How far one skill is from what the target role requires.',
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    requiredLevel: t.exposeInt('requiredLevel'),
    currentLevel: t.exposeInt('currentLevel', { description: '0 when not held.' }),
    evidencedLevel: t.exposeInt('evidencedLevel', { nullable: true }),
    gap: t.exposeInt('gap', { description: 'Levels still to grow; 0 when met.' }),
  }),
});

const SkillHistoryRef = builder.objectRef<SkillHistoryEntry>('SkillHistoryEntry').implement({
  description: 'A skill level evidenced by completed work, with the feedback that confirmed it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    fromLevel: t.exposeInt('fromLevel', { nullable: true }),
    toLevel: t.exposeInt('toLevel'),
    evidencedAt: t.expose('evidencedAt', { type: 'DateTime' }),
    evidencedByName: t.exposeString('evidencedByName', { nullable: true }),
    requestTitle: t.exposeString('requestTitle', { nullable: true }),
    rating: t.exposeInt('rating', { nullable: true }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});

const TargetRoleRef = builder.objectRef<NonNullable<CareerPath['targetRole']>>('CareerTargetRole').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    band: t.expose('band', { type: AgendaForChangeBandEnum }),
  }),
});

const CareerPathRef = builder.objectRef<CareerPath>('CareerPath').implement({
  fields: (t) => ({
    analystId: t.exposeID('analystId'),
    analystName: t.exposeString('analystName'),
    targetRole: t.field({ type: TargetRoleRef, nullable: true, resolve: (path) => path.targetRole }),
    gaps: t.field({ type: [SkillGapRef], description: 'Largest gap first.', resolve: (path) => path.gaps }),
    readiness: t.exposeFloat('readiness', { description: "Share of the target role's requirements met, 0..1." }),
    closingOpportunities: t.field({
      type: [OpportunityRef],
      description: 'Open requests the analyst could take that use a skill with a gap, best first.',
      resolve: (path) => path.closingOpportunities,
    }),
    history: t.field({ type: [SkillHistoryRef], description: 'Newest first.', resolve: (path) => path.history }),
  }),
});

const FeedbackSkill = builder.objectRef<FeedbackDue['skills'][number]>('FeedbackSkill').implement({
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
  }),
});

const FeedbackDueRef = builder.objectRef<FeedbackDue>('FeedbackDue').implement({
  fields: (t) => ({
    allocationId: t.exposeID('allocationId'),
    analystName: t.exposeString('analystName'),
    requestTitle: t.exposeString('requestTitle'),
    projectTitle: t.exposeString('projectTitle'),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    skills: t.field({ type: [FeedbackSkill], resolve: (due) => due.skills }),
  }),
});

const EvidenceInput = builder.inputType('SkillEvidenceInput', {
  fields: (t) => ({
    skillId: t.id({ required: true, validate: valid.id }),
    level: t.int({ required: true }),
  }),
});

const GiveFeedbackInput = builder.inputType('GiveFeedbackInput', {
  fields: (t) => ({
    allocationId: t.id({ required: true, validate: valid.id }),
    rating: t.int({ required: true, description: '1 (poor) to 5 (excellent).' }),
    comment: t.string({ required: true }),
    evidence: t.field({ type: EvidenceInput, description: 'A level of one of the request’s skills the work showed.' }),
  }),
});

builder.queryFields((t) => ({
  careerPath: t.field({
    type: CareerPathRef,
    description: 'Gap to the target role, opportunities closing it, evidenced progress. Defaults to your own; personal to the analyst, their organisation lead and workforce leads.',
    authScopes: { authenticated: true },
    args: { analystId: t.arg.id({ validate: valid.optionalId }) },
    resolve: async (_root, { analystId }, context) => {
      const viewer = viewerOf(context);
      const path = await careerPathOf(context.prisma, viewer, analystId ?? analystIdOf(viewer), context.now());
      await recordProfileRead(context.prisma, viewer, { analystId: path.analystId, view: 'CAREER_PATH' }, context.now());
      return path;
    },
  }),
  feedbackDue: t.field({
    type: [FeedbackDueRef],
    description: "For an organisation lead: completed work on their organisation's requests awaiting feedback (empty for others).",
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => feedbackDueFor(context.prisma, viewerOf(context)),
  }),
}));

builder.mutationField('giveFeedback', (t) =>
  t.field({
    type: 'ID',
    description: 'The requesting lead rates completed work and may confirm a skill level it evidenced. Returns the feedback id.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: GiveFeedbackInput, required: true }) },
    resolve: async (_root, { input }, context) =>
      (await giveFeedback(context.prisma, viewerOf(context), input, context.now())).id,
  }),
);
