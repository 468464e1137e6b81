import { viewerOf } from '../context.ts';
import { builder } from './builder.ts';

builder.prismaObject('Ics', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    code: t.exposeString('code'),
    fairnessAlpha: t.float({ resolve: (ics) => ics.fairnessAlpha.toNumber() }),
    fairnessBeta: t.float({ resolve: (ics) => ics.fairnessBeta.toNumber() }),
    fairnessGamma: t.float({ resolve: (ics) => ics.fairnessGamma.toNumber() }),
    maxConcurrentRequests: t.exposeInt('maxConcurrentRequests'),
  }),
});

builder.queryField('ics', (t) =>
  t.prismaField({
    type: 'Ics',
    description: "The signed-in user's integrated care system.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.ics.findUniqueOrThrow({ ...query, where: { id: viewerOf(context).icsId } }),
  }),
);
