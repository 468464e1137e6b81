import { ProfileView } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { isWorkforceLead } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { analystIdOf } from '../services/careers/signed-in-analyst.ts';
import { newestReadsFirst, profileReadsWhere } from '../services/privacy/profile-reads.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

// Who opened whose analyst profile: the workforce lead sees every read in the ICS, an analyst the reads
// of their own profile. Readers appear by name, role and organisation only (never their email).

const ProfileViewEnum = builder.enumType(ProfileView, {
  name: 'ProfileView',
  description: 'PROFILE: the analyst page; CAREER_PATH: their career path.',
});

const ProfileRead = builder.prismaObject('ProfileRead', {
  description: 'Someone other than the analyst opened their profile. Repeats by the same reader within the hour are not recorded again.',
  fields: (t) => ({
    id: t.exposeID('id'),
    view: t.expose('view', { type: ProfileViewEnum }),
    readAt: t.expose('readAt', { type: 'DateTime', description: 'The first read in its hour.' }),
    analyst: t.relation('analyst'),
    readerName: t.string({ select: { reader: { select: { name: true } } }, resolve: (read) => read.reader.name }),
    readerRole: t.string({
      description: 'WORKFORCE_LEAD, ORGANISATION_LEAD or ANALYST.',
      select: { reader: { select: { role: true } } },
      resolve: (read) => read.reader.role,
    }),
    readerOrganisationName: t.string({
      nullable: true,
      select: { reader: { select: { organisation: { select: { name: true } } } } },
      resolve: (read) => read.reader.organisation?.name ?? null,
    }),
  }),
});

const ProfileReadConnection = builder.connectionObject({ type: ProfileRead, name: 'ProfileReadConnection' });

const ProfileReadFilter = builder.inputType('ProfileReadFilter', {
  fields: (t) => ({
    analystId: t.id({ description: 'Reads of this analyst’s profile.', validate: valid.optionalId }),
    readerId: t.id({ description: 'Reads by this user.', validate: valid.optionalId }),
    from: t.field({ type: 'DateTime', description: 'Reads at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Reads before this instant.' }),
  }),
});

const workforceLeadsOnly = (_parent: unknown, _args: unknown, context: { viewer: Viewer | null }) => isWorkforceLead(context.viewer);
const analystsOnly = (_parent: unknown, _args: unknown, context: { viewer: Viewer | null }) => Boolean(context.viewer?.analystId);

builder.queryFields((t) => ({
  profileReads: t.prismaConnection(
    {
      type: 'ProfileRead',
      cursor: 'id',
      defaultSize: 25,
      description: 'Workforce lead: who opened which analyst’s profile, newest first.',
      authScopes: workforceLeadsOnly,
      args: { filter: t.arg({ type: ProfileReadFilter }) },
      totalCount: (_connection, { filter }, context) =>
        context.prisma.profileRead.count({ where: profileReadsWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        context.prisma.profileRead.findMany({ ...query, where: profileReadsWhere(viewerOf(context), filter), orderBy: newestReadsFirst }),
    },
    ProfileReadConnection,
  ),
  myProfileReads: t.prismaConnection(
    {
      type: 'ProfileRead',
      cursor: 'id',
      defaultSize: 10,
      description: 'For the signed-in analyst: who opened your profile, newest first. FORBIDDEN to non-analysts.',
      authScopes: analystsOnly,
      totalCount: (_connection, _args, context) => context.prisma.profileRead.count({ where: myReadsWhere(viewerOf(context)) }),
      resolve: (query, _root, _args, context) =>
        context.prisma.profileRead.findMany({ ...query, where: myReadsWhere(viewerOf(context)), orderBy: newestReadsFirst }),
    },
    ProfileReadConnection,
  ),
}));

function myReadsWhere(viewer: Viewer) {
  return profileReadsWhere(viewer, { analystId: analystIdOf(viewer) });
}
