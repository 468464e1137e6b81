import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin, { parsePrismaCursor } from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { z } from 'zod';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Context } from '../context.ts';
import { canManageAnalyst, type AnalystScope } from '../auth/policy.ts';
import { ForbiddenError, UnauthenticatedError, ValidationFailedError } from '../errors.ts';

const MAX_PAGE_SIZE = 100;

const pageSize = z.number().int().min(0).max(MAX_PAGE_SIZE).nullish();
const cursor = z
  .string()
  .refine(isPrismaCursor, { message: 'Not a cursor from this API.' })
  .nullish();

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Connection: { totalCount: number | (() => number | Promise<number>) };
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
  };
  AuthScopes: {
    public: boolean;
    authenticated: boolean;
    /** The analyst themself, their home organisation's lead, or a workforce lead. */
    analystSteward: AnalystScope;
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: ({ viewer }) => ({
      public: true,
      authenticated: viewer !== null,
      analystSteward: (analyst) => canManageAnalyst(viewer, analyst),
    }),
    unauthorizedError: (_parent, context) => (context.viewer ? new ForbiddenError() : new UnauthenticatedError()),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    firstArgOptions: { validate: pageSize },
    lastArgOptions: { validate: pageSize },
    afterArgOptions: { validate: cursor },
    beforeArgOptions: { validate: cursor },
  },
  validation: {
    validationError: ({ issues }) =>
      new ValidationFailedError(
        issues.map((issue) => ({
          path: (issue.path ?? []).map((segment) => {
            const key = typeof segment === 'object' ? segment.key : segment;
            return typeof key === 'number' ? key : String(key);
          }),
          message: issue.message,
        })),
      ),
  },
});

function isPrismaCursor(value: string): boolean {
  try {
    parsePrismaCursor(value);
    return true;
  } catch {
    return false;
  }
}

builder.queryType({});
builder.mutationType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    resolve: (connection) =>
      typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount,
  }),
);
