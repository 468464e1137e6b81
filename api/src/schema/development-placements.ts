import { viewerOf } from '../context.ts';
import { addWeeksTo, mondayOf } from '../domain/weeks.ts';
import { ValidationFailedError } from '../errors.ts';
import {
  developmentPlacements,
  type DevelopmentPlacementRow,
  type DevelopmentPlacementsReport,
  type OrganisationPlacements,
} from '../services/careers/development-placements.ts';
import { builder } from './builder.ts';
import { AgendaForChangeBandEnum } from './role-profiles.ts';

// For workforce leads: who gets development placements across the ICS.

const PlacementRow = builder.objectRef<DevelopmentPlacementRow>('DevelopmentPlacementRow').implement({
  fields: (t) => ({
    allocationId: t.exposeID('allocationId'),
    analystId: t.exposeID('analystId'),
    analystName: t.exposeString('analystName'),
    band: t.expose('band', { type: AgendaForChangeBandEnum }),
    homeOrganisationName: t.exposeString('homeOrganisationName'),
    requestTitle: t.exposeString('requestTitle'),
    requestingOrganisationName: t.exposeString('requestingOrganisationName'),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    status: t.exposeString('status', { description: 'The allocation status, e.g. PROPOSED or ACTIVE.' }),
    mentorName: t.exposeString('mentorName', { nullable: true }),
  }),
});

const BandPlacements = builder.objectRef<DevelopmentPlacementsReport['byBand'][number]>('BandPlacements').implement({
  fields: (t) => ({
    band: t.expose('band', { type: AgendaForChangeBandEnum }),
    placements: t.exposeInt('placements'),
  }),
});

const OrganisationPlacementsRef = builder.objectRef<OrganisationPlacements>('OrganisationPlacements').implement({
  fields: (t) => ({
    organisationId: t.exposeID('organisationId'),
    organisationName: t.exposeString('organisationName'),
    analystCount: t.exposeInt('analystCount', { description: 'Active analysts whose home is this organisation.' }),
    placements: t.exposeInt('placements'),
    analystsPlaced: t.exposeInt('analystsPlaced', { description: 'Distinct analysts of this organisation with a placement.' }),
  }),
});

const PlacementsReport = builder.objectRef<DevelopmentPlacementsReport>('DevelopmentPlacementsReport').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    byBand: t.field({ type: [BandPlacements], resolve: (report) => report.byBand }),
    byOrganisation: t.field({ type: [OrganisationPlacementsRef], description: 'Every organisation, by name.', resolve: (report) => report.byOrganisation }),
    placements: t.field({ type: [PlacementRow], description: 'Newest first, at most 200.', resolve: (report) => report.placements }),
  }),
});

const HISTORY_WEEKS = 52;

builder.queryField('developmentPlacements', (t) =>
  t.field({
    type: PlacementsReport,
    description:
      'For workforce leads: development placements (not declined or withdrawn) overlapping the weeks, by band and home organisation. Defaults to the last 52 weeks and the planning horizon ahead.',
    authScopes: { authenticated: true },
    args: { fromWeek: t.arg({ type: 'Date' }), toWeek: t.arg({ type: 'Date' }) },
    resolve: async (_root, { fromWeek, toWeek }, context) => {
      const viewer = viewerOf(context);
      const thisWeek = mondayOf(context.now());
      const ics = await context.prisma.ics.findUniqueOrThrow({ where: { id: viewer.icsId }, select: { planningHorizonWeeks: true } });
      const window = {
        startWeek: fromWeek ?? addWeeksTo(thisWeek, -HISTORY_WEEKS),
        endWeek: toWeek ?? addWeeksTo(thisWeek, ics.planningHorizonWeeks - 1),
      };
      if (window.endWeek < window.startWeek) throw new ValidationFailedError([{ path: ['toWeek'], message: 'The last week cannot be before the first.' }]);
      return developmentPlacements(context.prisma, viewer, window);
    },
  }),
);
