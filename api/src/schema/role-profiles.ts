import { AgendaForChangeBand } from '../generated/prisma/enums.ts';
import { z } from 'zod';
import { viewerOf } from '../context.ts';
import { createRoleProfile, updateRoleProfile } from '../services/careers/role-profiles.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

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
    version: t.exposeInt('version', { description: 'Pass it back to updateRoleProfile (optimistic concurrency).' }),
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

const RoleRequirementInput = builder.inputType('RoleRequirementInput', {
  fields: (t) => ({
    skillId: t.id({ required: true, validate: valid.id }),
    level: t.int({ required: true, description: '1 Awareness, 2 Working, 3 Practitioner, 4 Expert.' }),
  }),
});

const RoleProfileInput = builder.inputType('RoleProfileInput', {
  description: 'A whole role profile; requirements replace the existing ones.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().max(200, { message: 'Keep the name to 200 characters.' }) }),
    band: t.field({ type: AgendaForChangeBandEnum, required: true }),
    description: t.string({ required: true, validate: z.string().max(2000, { message: 'Keep the description to 2000 characters.' }) }),
    requirements: t.field({ type: [RoleRequirementInput], required: true }),
  }),
});

builder.mutationFields((t) => ({
  createRoleProfile: t.prismaField({
    type: 'RoleProfile',
    description: 'Workforce leads only.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RoleProfileInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const { id } = await createRoleProfile(context.prisma, viewerOf(context), input);
      return context.prisma.roleProfile.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRoleProfile: t.prismaField({
    type: 'RoleProfile',
    description: 'Workforce leads only. STALE_VERSION when `version` is not current.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: RoleProfileInput, required: true }),
    },
    resolve: async (query, _root, { id, version, input }, context) => {
      await updateRoleProfile(context.prisma, viewerOf(context), { id, version, input });
      return context.prisma.roleProfile.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
