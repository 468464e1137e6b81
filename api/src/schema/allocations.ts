import type { Prisma } from '../generated/prisma/client.ts';
import { AllocationKind, AllocationStatus } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { visibleRequests } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

const AllocationKindEnum = builder.enumType(AllocationKind, { name: 'AllocationKind' });
const AllocationStatusEnum = builder.enumType(AllocationStatus, { name: 'AllocationStatus' });

const Allocation = builder.prismaObject('Allocation', {
  description: 'An analyst working on a request for a span of weeks.',
  fields: (t) => ({
    id: t.exposeID('id'),
    analyst: t.relation('analyst'),
    request: t.relation('request'),
    fte: t.float({ description: 'FTE per week.', resolve: (allocation) => allocation.fte.toNumber() }),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    kind: t.expose('kind', { type: AllocationKindEnum }),
    status: t.expose('status', { type: AllocationStatusEnum }),
  }),
});

export const AllocationConnection = builder.connectionObject({ type: Allocation, name: 'AllocationConnection' });

/** Allocations are ordered by when they start. */
export const allocationOrder: Prisma.AllocationOrderByWithRelationInput[] = [{ startWeek: 'asc' }, { id: 'asc' }];

const AllocationFilter = builder.inputType('AllocationFilter', {
  fields: (t) => ({
    analystId: t.id({ validate: valid.optionalId }),
    organisationId: t.id({
      description: "Allocations of this organisation's analysts or to its requests.",
      validate: valid.optionalId,
    }),
    status: t.field({ type: AllocationStatusEnum }),
  }),
});

type AllocationFilterValue = typeof AllocationFilter.$inferInput;

function allocationsWhere(viewer: Viewer, filter: AllocationFilterValue | null | undefined): Prisma.AllocationWhereInput {
  const { analystId, organisationId, status } = filter ?? {};
  return {
    icsId: viewer.icsId,
    request: visibleRequests(viewer),
    ...(analystId ? { analystId } : {}),
    ...(status ? { status } : {}),
    ...(organisationId
      ? { OR: [{ analyst: { organisationId } }, { request: { project: { organisationId } } }] }
      : {}),
  };
}

builder.queryField('allocations', (t) =>
  t.prismaConnection(
    {
      type: 'Allocation',
      cursor: 'id',
      defaultSize: 50,
      description: 'Allocations in your ICS, by start week.',
      authScopes: { authenticated: true },
      args: { filter: t.arg({ type: AllocationFilter }) },
      totalCount: (_connection, { filter }, context) =>
        context.prisma.allocation.count({ where: allocationsWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        context.prisma.allocation.findMany({
          ...query,
          where: allocationsWhere(viewerOf(context), filter),
          orderBy: allocationOrder,
        }),
    },
    AllocationConnection,
  ),
);
