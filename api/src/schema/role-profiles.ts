import { AgendaForChangeBand } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { builder } from './builder.ts';

export const AgendaForChangeBandEnum = builder.enumType(AgendaForChangeBand, { name: 'AgendaForChangeBand' });

builder.prismaObject('RoleProfileSkill', {
  name: 'RoleRequirement',
  description: 'The level a role profile requires in one skill.',
  fields: (t) => ({
    skill: t.relation('skill'),
    level: t.exposeInt('level'),
  }),
});

const RoleProfile = builder.prismaObject('RoleProfile', {
  description: 'A step on a career pathway.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    band: t.expose('band', { type: AgendaForChangeBandEnum }),
    description: t.exposeString('description'),
    requirements: t.relation('requirements', { query: { orderBy: [{ level: 'desc' }, { skill: { name: 'asc' } }] } }),
  }),
});

const RoleProfileConnection = builder.connectionObject({ type: RoleProfile, name: 'RoleProfileConnection' });

builder.queryField('roleProfiles', (t) =>
  t.prismaConnection(
    {
      type: 'RoleProfile',
      cursor: 'id',
      defaultSize: 50,
      description: 'Career pathway steps of your ICS, by band then name.',
      authScopes: { authenticated: true },
      totalCount: (_connection, _args, context) =>
        context.prisma.roleProfile.count({ where: { icsId: viewerOf(context).icsId } }),
      resolve: (query, _root, _args, context) =>
        context.prisma.roleProfile.findMany({
          ...query,
          where: { icsId: viewerOf(context).icsId },
          orderBy: [{ band: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        }),
    },
    RoleProfileConnection,
  ),
);
