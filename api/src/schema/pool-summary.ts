import { viewerOf } from '../context.ts';
import { builder } from './builder.ts';
import { analystsWhere } from './analysts.ts';
import { organisationsWhere } from './organisations.ts';
import { requestsWhere } from './requests.ts';

type PoolSummaryCounts = { organisations: number; analysts: number; openRequests: number };

const PoolSummary = builder.objectRef<PoolSummaryCounts>('PoolSummary').implement({
  description: 'How big the pool is, counted as the organisations, analysts and requests lists count.',
  fields: (t) => ({
    organisations: t.exposeInt('organisations', { description: 'Partner organisations of your ICS.' }),
    analysts: t.exposeInt('analysts', { description: 'Current analysts of your ICS.' }),
    openRequests: t.exposeInt('openRequests', { description: 'Submitted requests you may see, waiting for a match.' }),
  }),
});

builder.queryField('poolSummary', (t) =>
  t.field({
    type: PoolSummary,
    description: 'The totals of the home page, without listing anything.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, context) => {
      const viewer = viewerOf(context);
      const [organisations, analysts, openRequests] = await Promise.all([
        context.prisma.organisation.count({ where: organisationsWhere(viewer, {}) }),
        context.prisma.analyst.count({ where: analystsWhere(viewer, null) }),
        context.prisma.request.count({ where: requestsWhere(viewer, { status: 'SUBMITTED' }) }),
      ]);
      return { organisations, analysts, openRequests };
    },
  }),
);
