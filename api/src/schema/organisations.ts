import { Prisma } from '../generated/prisma/client.ts';
import { OrganisationKind, SizeBand } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: 'OrganisationKind' });
const SizeBandEnum = builder.enumType(SizeBand, { name: 'SizeBand' });

export const Organisation = builder.prismaObject('Organisation', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    odsCode: t.exposeString('odsCode'),
    kind: t.expose('kind', { type: OrganisationKindEnum }),
    sizeBand: t.expose('sizeBand', { type: SizeBandEnum }),
    headcount: t.exposeInt('headcount'),
    analystCount: t.relationCount('analysts', {
      description: 'Analysts currently employed (status ACTIVE).',
      where: { status: 'ACTIVE' },
    }),
    pooledFte: t.float({
      description: 'Sum of the pooled FTE its current analysts release to the pool.',
      // One batched statement for every organisation on the page: only the pooledFte column is read.
      select: { analysts: { where: { status: 'ACTIVE' }, select: { pooledFte: true } } },
      resolve: (organisation) =>
        organisation.analysts.reduce((sum, analyst) => sum.add(analyst.pooledFte), new Prisma.Decimal(0)).toNumber(),
    }),
  }),
});

const OrganisationConnection = builder.connectionObject({ type: Organisation, name: 'OrganisationConnection' });

interface OrganisationArgs {
  kind?: OrganisationKind | null;
  search?: string | null;
}

export function organisationsWhere(viewer: Viewer, { kind, search }: OrganisationArgs): Prisma.OrganisationWhereInput {
  return {
    icsId: viewer.icsId,
    ...(kind ? { kind } : {}),
    ...(search ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { odsCode: { equals: search, mode: 'insensitive' } }] } : {}),
  };
}

builder.queryFields((t) => ({
  organisations: t.prismaConnection(
    {
      type: 'Organisation',
      cursor: 'id',
      defaultSize: 50,
      description: 'Partner organisations, by name. Search matches the name or the exact ODS code.',
      authScopes: { authenticated: true },
      args: {
        kind: t.arg({ type: OrganisationKindEnum }),
        search: t.arg.string({ validate: valid.search }),
      },
      totalCount: (_connection, args, context) =>
        context.prisma.organisation.count({ where: organisationsWhere(viewerOf(context), args) }),
      resolve: (query, _root, args, context) =>
        context.prisma.organisation.findMany({
          ...query,
          where: organisationsWhere(viewerOf(context), args),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    },
    OrganisationConnection,
  ),
  organisation: t.prismaField({
    type: 'Organisation',
    nullable: true,
    description: 'Null when no organisation of your ICS has this id.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, args, context) =>
      context.prisma.organisation.findFirst({ ...query, where: { id: args.id, icsId: viewerOf(context).icsId } }),
  }),
}));

