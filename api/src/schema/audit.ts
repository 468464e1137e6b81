import type { Prisma } from '../generated/prisma/client.ts';
import { viewerOf } from '../context.ts';
import { isWorkforceLead } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';
import { z } from 'zod';

interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const AuditFieldChange = builder.objectRef<FieldChange>('AuditFieldChange').implement({
  description: 'One top-level field that differs between before and after, each value as JSON text.',
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const AuditEvent = builder.prismaObject('AuditEvent', {
  description: 'Who changed what, when; written in the same transaction as the change.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.exposeString('action', { description: 'e.g. allocation.confirm, request.submit.' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    actor: t.relation('actor', { nullable: true, description: 'Null when the system made the change.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    before: t.string({ nullable: true, description: 'The entity before the change, as JSON text.', resolve: (event) => jsonText(event.before) }),
    after: t.string({ nullable: true, description: 'The entity after the change, as JSON text.', resolve: (event) => jsonText(event.after) }),
    changes: t.field({
      type: [AuditFieldChange],
      description: 'The fields that changed.',
      resolve: (event) => changesOf(event.before, event.after),
    }),
  }),
});

const AuditEventConnection = builder.connectionObject({ type: AuditEvent, name: 'AuditEventConnection' });

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    entityType: t.string({ description: 'e.g. Allocation, Request, Project, Analyst.', validate: z.string().trim().max(100).nullish() }),
    entityId: t.string({ validate: z.string().trim().max(100).nullish() }),
    actorId: t.id({ validate: valid.optionalId }),
    action: t.string({ description: 'Exact action, e.g. allocation.confirm.', validate: z.string().trim().max(100).nullish() }),
    from: t.field({ type: 'DateTime', description: 'Events at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Events before this instant.' }),
  }),
});

function auditWhere(viewer: Viewer, filter: typeof AuditEventFilter.$inferInput | null | undefined): Prisma.AuditEventWhereInput {
  const { entityType, entityId, actorId, action, from, to } = filter ?? {};
  return {
    icsId: viewer.icsId,
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(actorId ? { actorId } : {}),
    ...(action ? { action } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

const workforceLeadsOnly = (_parent: unknown, _args: unknown, context: { viewer: Viewer | null }) => isWorkforceLead(context.viewer);

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection(
    {
      type: 'AuditEvent',
      cursor: 'id',
      defaultSize: 50,
      description: 'Workforce lead: the audit log of your ICS, newest first.',
      authScopes: workforceLeadsOnly,
      args: { filter: t.arg({ type: AuditEventFilter }) },
      totalCount: (_connection, { filter }, context) => context.prisma.auditEvent.count({ where: auditWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        context.prisma.auditEvent.findMany({
          ...query,
          where: auditWhere(viewerOf(context), filter),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    AuditEventConnection,
  ),
  auditActors: t.prismaField({
    type: ['User'],
    description: 'Workforce lead: the people who appear in the audit log, by name (for its actor filter).',
    authScopes: workforceLeadsOnly,
    resolve: (query, _root, _args, context) =>
      context.prisma.user.findMany({
        ...query,
        where: { icsId: viewerOf(context).icsId, auditEvents: { some: {} } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

function jsonText(value: Prisma.JsonValue | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

function changesOf(before: Prisma.JsonValue | null, after: Prisma.JsonValue | null): FieldChange[] {
  const asObject = (value: Prisma.JsonValue | null): Record<string, Prisma.JsonValue> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Prisma.JsonValue>) : {};
  const old = asObject(before);
  const current = asObject(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(current)])];
  return fields
    .map((field) => ({ field, before: field in old ? JSON.stringify(old[field]) : null, after: field in current ? JSON.stringify(current[field]) : null }))
    .filter((change) => change.before !== change.after);
}
