import { queryFromInfo } from '@pothos/plugin-prisma';
import type { Allocation as AllocationRow } from '../generated/prisma/client.ts';
import { viewerOf } from '../context.ts';
import { ACTION_KINDS, myActions, type ActionKind } from '../services/allocations/my-actions.ts';
import { Allocation } from './allocations.ts';
import { builder } from './builder.ts';
import { z } from 'zod';

const ActionKindEnum = builder.enumType('ActionKind', {
  values: ACTION_KINDS,
  description:
    'DECIDE_AS_REQUESTER / APPROVE_RELEASE / GIVE_FEEDBACK: organisation lead; DECIDE_AS_ANALYST: analyst; REVIEW_PROPOSAL / REPLACE_DECLINED: workforce lead.',
});

const ActionItem = builder.objectRef<{ kind: ActionKind; text: string; allocation: AllocationRow }>('ActionItem').implement({
  fields: (t) => ({
    kind: t.field({ type: ActionKindEnum, resolve: (item) => item.kind }),
    text: t.exposeString('text', { description: 'What to do, in a sentence.' }),
    // Loaded by myActions with the selection queryFromInfo made for this field.
    allocation: t.field({ type: Allocation, resolve: (item) => item.allocation }),
  }),
});

const ActionList = builder.objectRef<{ totalCount: number; items: { kind: ActionKind; text: string; allocation: AllocationRow }[] }>('ActionList').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'Everything waiting for you, beyond the listed items too.' }),
    items: t.field({ type: [ActionItem], resolve: (list) => list.items }),
  }),
});

builder.queryField('myActions', (t) =>
  t.field({
    type: ActionList,
    description: 'What you need to do now: proposals to decide, releases to approve, feedback to give, proposals to review.',
    authScopes: { authenticated: true },
    args: { first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(100) }) },
    resolve: (_root, { first }, context, info) =>
      myActions(context.prisma, viewerOf(context), {
        first: first ?? 20,
        allocationQuery: queryFromInfo({ context, info, path: ['items', 'allocation'] }),
      }),
  }),
);
