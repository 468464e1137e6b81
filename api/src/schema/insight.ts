import { z } from 'zod';
import { viewerOf } from '../context.ts';
import { capacityDemand, type Bucket, type SupplyDemandFigures, type SupplyDemandRow, type CapacityDemand } from '../services/insight/capacity-demand.ts';
import type { SkillHolders } from '../services/insight/supply-demand.ts';
import { utilisation, type AnalystUtilisation, type OrganisationUtilisation, type Utilisation, type UtilisationMonth } from '../services/insight/utilisation.ts';
import { builder } from './builder.ts';
import { SkillCategoryEnum } from './skills.ts';
import * as valid from './validation.ts';

// Capacity against demand and utilisation (DESIGN §5). Figures are FTE: FTE-weeks averaged over a month's weeks.

export const monthCount = z.number().int().min(1, { message: 'Show at least one month.' }).max(24, { message: 'Show at most 24 months.' }).nullish();

const GroupKindEnum = builder.enumType('SupplyDemandGroup', { values: ['SKILL', 'CATEGORY', 'ORGANISATION'] as const });

const PeriodBucket = builder.objectRef<Bucket>('ReportBucket').implement({
  description: 'A calendar month or quarter of a report; a week belongs to the month of its Monday.',
  fields: (t) => ({
    label: t.exposeString('label', { description: '"2027-01" for a month, "2027-Q1" for a quarter.' }),
    start: t.expose('start', { type: 'Date' }),
    weeks: t.exposeInt('weeks'),
  }),
});

const SupplyDemandCell = builder.objectRef<SupplyDemandFigures>('SupplyDemandCell').implement({
  fields: (t) => ({
    bucket: t.exposeString('bucket'),
    supply: t.exposeFloat('supply', { description: 'Pooled allocatable FTE of analysts at the minimum level or above.' }),
    demand: t.exposeFloat('demand', { description: 'FTE asked by live requests (submitted, matched or active) that must have it.' }),
    pipeline: t.exposeFloat('pipeline', { description: 'The part of demand from requests still waiting for analysts.' }),
    shortfall: t.exposeFloat('shortfall', { description: 'demand − supply: positive is a shortfall, negative a surplus.' }),
  }),
});

const SupplyDemandRowRef = builder.objectRef<SupplyDemandRow>('SupplyDemandRow').implement({
  fields: (t) => ({
    group: t.field({ type: GroupKindEnum, resolve: (row) => row.kind }),
    key: t.exposeString('key', { description: 'Skill id, category or organisation id.' }),
    label: t.exposeString('label'),
    category: t.field({ type: SkillCategoryEnum, nullable: true, resolve: (row) => row.category }),
    cells: t.field({ type: [SupplyDemandCell], resolve: (row) => row.cells }),
  }),
});

const ThinlyHeldSkill = builder.objectRef<SkillHolders>('ThinlyHeldSkill').implement({
  description: 'A skill held at the minimum level by only one or two analysts: a single point of failure.',
  fields: (t) => ({
    skillId: t.exposeID('skillId'),
    name: t.exposeString('name'),
    category: t.field({ type: SkillCategoryEnum, resolve: (skill) => skill.category }),
    holders: t.exposeStringList('holders', { description: 'Names of the analysts who hold it.' }),
  }),
});

const CapacityForecast = builder.objectRef<CapacityDemand['forecast']>('CapacityForecast').implement({
  description: 'The next two calendar quarters, by skill, from the requests submitted so far.',
  fields: (t) => ({
    startWeek: t.field({ type: 'Date', resolve: (forecast) => forecast.window.startWeek }),
    endWeek: t.field({ type: 'Date', resolve: (forecast) => forecast.window.endWeek }),
    quarters: t.field({ type: [PeriodBucket], resolve: (forecast) => forecast.quarters }),
    skills: t.field({ type: [SupplyDemandRowRef], resolve: (forecast) => forecast.skills }),
  }),
});

const CapacityDemandRef = builder.objectRef<CapacityDemand>('CapacityDemand').implement({
  fields: (t) => ({
    startWeek: t.field({ type: 'Date', resolve: (report) => report.window.startWeek }),
    endWeek: t.field({ type: 'Date', resolve: (report) => report.window.endWeek }),
    minLevel: t.exposeInt('minLevel'),
    months: t.field({ type: [PeriodBucket], resolve: (report) => report.months }),
    skills: t.field({ type: [SupplyDemandRowRef], resolve: (report) => report.skills }),
    categories: t.field({ type: [SupplyDemandRowRef], resolve: (report) => report.categories }),
    organisations: t.field({
      type: [SupplyDemandRowRef],
      description: "Each organisation's analysts' pooled time against its own requests, whatever the skills.",
      resolve: (report) => report.organisations,
    }),
    singlePointsOfFailure: t.field({ type: [ThinlyHeldSkill], resolve: (report) => report.singlePointsOfFailure }),
    forecast: t.field({ type: CapacityForecast, resolve: (report) => report.forecast }),
  }),
});

builder.queryField('capacityDemand', (t) =>
  t.field({
    type: CapacityDemandRef,
    description: 'Pooled supply against demand by skill, category and organisation, month by month (leads only).',
    authScopes: { authenticated: true },
    args: {
      fromMonth: t.arg({ type: 'Date', description: 'Any day of the first month; default: this month.' }),
      months: t.arg.int({ description: 'Default 6.', validate: monthCount }),
      minLevel: t.arg.int({ description: 'Lowest skill level that counts as supply; default 3 (Practitioner).', validate: valid.skillLevel }),
      organisationId: t.arg.id({ validate: valid.optionalId }),
      category: t.arg({ type: SkillCategoryEnum }),
    },
    resolve: (_root, args, context) =>
      capacityDemand(
        context.prisma,
        viewerOf(context),
        {
          fromMonth: args.fromMonth ?? context.now(),
          months: args.months ?? 6,
          minLevel: args.minLevel ?? 3,
          organisationId: args.organisationId ?? null,
          category: args.category ?? null,
        },
        context.now(),
      ),
  }),
);

const UtilisationMonthRef = builder.objectRef<UtilisationMonth>('UtilisationMonth').implement({
  description: 'Averages over the weeks of a month, in FTE.',
  fields: (t) => ({
    month: t.exposeString('month'),
    contracted: t.exposeFloat('contracted'),
    pooled: t.exposeFloat('pooled', { description: 'Pooled FTE × availability.' }),
    allocatable: t.exposeFloat('allocatable', { description: 'Pooled time less protected development time.' }),
    allocated: t.exposeFloat('allocated', { description: 'Confirmed, accepted, active and completed allocations.' }),
    overCapacityWeeks: t.exposeInt('overCapacityWeeks', { description: 'Weeks allocated above the allocatable time; must be 0.' }),
  }),
});

export const NamedRef = builder.objectRef<{ id: string; name: string }>('ReportEntity').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

const AnalystUtilisationRef = builder.objectRef<AnalystUtilisation>('AnalystUtilisation').implement({
  fields: (t) => ({
    analyst: t.field({ type: NamedRef, resolve: (row) => row.analyst }),
    organisation: t.field({ type: NamedRef, resolve: (row) => row.organisation }),
    months: t.field({ type: [UtilisationMonthRef], resolve: (row) => row.months }),
    overCapacityWeeks: t.exposeInt('overCapacityWeeks'),
    lastDevelopmentWeek: t.expose('lastDevelopmentWeek', { type: 'Date', nullable: true }),
    noDevelopmentIn12Months: t.exposeBoolean('noDevelopmentIn12Months'),
  }),
});

const OrganisationUtilisationRef = builder.objectRef<OrganisationUtilisation>('OrganisationUtilisation').implement({
  fields: (t) => ({
    organisation: t.field({ type: NamedRef, resolve: (row) => row.organisation }),
    analystCount: t.exposeInt('analystCount'),
    months: t.field({ type: [UtilisationMonthRef], resolve: (row) => row.months }),
    overCapacityAnalysts: t.exposeInt('overCapacityAnalysts'),
    analystsWithoutDevelopment: t.exposeInt('analystsWithoutDevelopment'),
  }),
});

const UtilisationRef = builder.objectRef<Utilisation>('Utilisation').implement({
  fields: (t) => ({
    startWeek: t.field({ type: 'Date', resolve: (report) => report.window.startWeek }),
    endWeek: t.field({ type: 'Date', resolve: (report) => report.window.endWeek }),
    months: t.exposeStringList('months'),
    analysts: t.field({ type: [AnalystUtilisationRef], resolve: (report) => report.analysts }),
    organisations: t.field({ type: [OrganisationUtilisationRef], resolve: (report) => report.organisations }),
  }),
});

builder.queryField('utilisation', (t) =>
  t.field({
    type: UtilisationRef,
    description:
      "Allocated against pooled and contracted FTE by month. Workforce leads see every analyst; organisation leads their own organisation's; analysts are refused.",
    authScopes: { authenticated: true },
    args: {
      fromMonth: t.arg({ type: 'Date', description: 'Any day of the first month; default: this month.' }),
      months: t.arg.int({ description: 'Default 6.', validate: monthCount }),
      organisationId: t.arg.id({ validate: valid.optionalId }),
    },
    resolve: (_root, args, context) =>
      utilisation(
        context.prisma,
        viewerOf(context),
        { fromMonth: args.fromMonth ?? context.now(), months: args.months ?? 6, organisationId: args.organisationId ?? null },
        context.now(),
      ),
  }),
);
