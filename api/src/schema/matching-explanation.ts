import type { StoredExplanation } from '../services/matching/stored-explanation.ts';
import { builder } from './builder.ts';

// Why the engine proposed an allocation: the explanation JSON stored on it, as typed objects.

const SkillFitEnum = builder.enumType('SkillFit', { values: ['ABOVE', 'MEETS', 'ONE_BELOW', 'BELOW', 'MISSING'] as const });
const SkillKindEnum = builder.enumType('ExplanationSkillKind', { values: ['REQUIRED', 'DESIRED'] as const });
const FairnessBoundEnum = builder.enumType('FairnessBound', {
  description: 'What stopped an organisation receiving more in a run.',
  values: ['DEMAND_MET', 'FAIR_SHARE', 'SKILL_BOTTLENECK'] as const,
});
export const ContinuityEnum = builder.enumType('Continuity', { values: ['PROJECT', 'ORGANISATION'] as const });

export const SkillFitRef = builder.objectRef<StoredExplanation['skills'][number]>('SkillFitExplanation').implement({
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    kind: t.field({ type: SkillKindEnum, resolve: (skill) => skill.kind }),
    wantedLevel: t.exposeInt('wantedLevel'),
    analystLevel: t.exposeInt('analystLevel', { description: '0 when the analyst does not hold the skill.' }),
    fit: t.field({ type: SkillFitEnum, resolve: (skill) => skill.fit }),
  }),
});

const NextCandidate = builder.objectRef<NonNullable<StoredExplanation['nextCandidate']>>('NextCandidate').implement({
  fields: (t) => ({
    analystId: t.exposeID('analystId'),
    analystName: t.exposeString('analystName'),
    score: t.exposeFloat('score'),
    reason: t.exposeString('reason', { description: 'Why they were not chosen instead.' }),
  }),
});

const Fairness = builder.objectRef<StoredExplanation['fairness']>('FairnessExplanation').implement({
  fields: (t) => ({
    organisationId: t.exposeID('organisationId'),
    organisationName: t.exposeString('organisationName'),
    weight: t.exposeFloat('weight'),
    entitlement: t.exposeFloat('entitlement'),
    claim: t.exposeFloat('claim'),
    received: t.exposeFloat('received'),
    bound: t.field({ type: FairnessBoundEnum, resolve: (fairness) => fairness.bound }),
    text: t.exposeString('text'),
  }),
});

interface AnalystName {
  id: string;
  name: string;
}

export const AnalystSummary = builder.objectRef<AnalystName>('AnalystSummary').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

type DevelopmentValue = NonNullable<StoredExplanation['development']> & { mentor: { analyst: AnalystName } | null };

const Development = builder.objectRef<DevelopmentValue>('DevelopmentExplanation').implement({
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    skillName: t.exposeString('skillName'),
    analystLevel: t.exposeInt('analystLevel'),
    targetLevel: t.exposeInt('targetLevel'),
    mentor: t.field({ type: AnalystSummary, nullable: true, resolve: (development) => development.mentor?.analyst ?? null }),
    text: t.exposeString('text'),
  }),
});

type ExplanationValue = StoredExplanation & { mentor: DevelopmentValue['mentor'] };

const Explanation = builder.objectRef<ExplanationValue>('AllocationExplanation').implement({
  description: 'Why the engine proposed this placement.',
  fields: (t) => ({
    summary: t.exposeString('summary'),
    score: t.exposeFloat('score'),
    rank: t.exposeInt('rank', { description: 'Rank among the eligible candidates for the request (1 = best).' }),
    candidateCount: t.exposeInt('candidateCount'),
    skills: t.field({ type: [SkillFitRef], resolve: (explanation) => explanation.skills }),
    nextCandidate: t.field({ type: NextCandidate, nullable: true, resolve: (explanation) => explanation.nextCandidate }),
    fairness: t.field({ type: Fairness, resolve: (explanation) => explanation.fairness }),
    development: t.field({
      type: Development,
      nullable: true,
      resolve: (explanation) => explanation.development && { ...explanation.development, mentor: explanation.mentor },
    }),
    menteeCount: t.int({ resolve: (explanation) => explanation.mentees.length }),
    interest: t.exposeBoolean('interest', { description: 'The analyst expressed interest in the request.' }),
    continuity: t.field({ type: ContinuityEnum, nullable: true, resolve: (explanation) => explanation.continuity }),
  }),
});

builder.prismaObjectFields('Allocation', (t) => ({
  explanation: t.field({
    type: Explanation,
    nullable: true,
    description: 'Why the engine proposed it; null for allocations made by hand.',
    select: { explanation: true, mentor: { select: { analyst: { select: { id: true, name: true } } } } },
    resolve: (allocation) =>
      allocation.explanation ? { ...(allocation.explanation as unknown as StoredExplanation), mentor: allocation.mentor } : null,
  }),
  run: t.relation('run', { nullable: true, description: 'The matching run that proposed it, if any.' }),
}));
