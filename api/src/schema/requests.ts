import type { Prisma } from '../generated/prisma/client.ts';
import { RequestPriority, RequestStatus, type RequestSkillKind } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { visibleRequests } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';
import { Organisation } from './organisations.ts';

const RequestStatusEnum = builder.enumType(RequestStatus, { name: 'RequestStatus' });
const RequestPriorityEnum = builder.enumType(RequestPriority, { name: 'RequestPriority' });

const RequestSkill = builder.prismaObject('RequestSkill', {
  fields: (t) => ({
    skill: t.relation('skill'),
    minLevel: t.exposeInt('minLevel'),
  }),
});

function ofKind<T extends { kind: RequestSkillKind }>(skills: T[], kind: RequestSkillKind): T[] {
  return skills.filter((skill) => skill.kind === kind);
}

const Request = builder.prismaObject('Request', {
  description: 'A demand line of a project.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    fte: t.float({ description: 'FTE per week.', resolve: (request) => request.fte.toNumber() }),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    priority: t.expose('priority', { type: RequestPriorityEnum }),
    openToDevelopment: t.exposeBoolean('openToDevelopment'),
    status: t.expose('status', { type: RequestStatusEnum }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true, description: 'When it was submitted to the pool; null while a draft.' }),
    project: t.relation('project'),
    organisation: t.field({
      type: Organisation,
      description: "The project's owning organisation.",
      select: (_args, _context, nestedSelection) => ({
        project: { include: { organisation: nestedSelection(true) } },
      }),
      resolve: (request) => request.project.organisation,
    }),
    // Both lists load the one `skills` relation with the same selection, so they share a query.
    requiredSkills: t.field({
      type: [RequestSkill],
      description: 'Must-have skills, each with a minimum level.',
      select: (_args, _context, nestedSelection) => ({ skills: nestedSelection(true) }),
      resolve: (request) => ofKind(request.skills, 'REQUIRED'),
    }),
    desiredSkills: t.field({
      type: [RequestSkill],
      description: 'Nice-to-have skills.',
      select: (_args, _context, nestedSelection) => ({ skills: nestedSelection(true) }),
      resolve: (request) => ofKind(request.skills, 'DESIRED'),
    }),
    interestCount: t.relationCount('interests', { description: 'Analysts who expressed interest.' }),
  }),
});

const RequestConnection = builder.connectionObject({ type: Request, name: 'RequestConnection' });

const RequestFilter = builder.inputType('RequestFilter', {
  fields: (t) => ({
    organisationId: t.id({ description: "The project's owning organisation.", validate: valid.optionalId }),
    status: t.field({ type: RequestStatusEnum }),
    skillId: t.id({ description: 'Requests that require or desire this skill.', validate: valid.optionalId }),
  }),
});

function requestsWhere(viewer: Viewer, filter: typeof RequestFilter.$inferInput | null | undefined): Prisma.RequestWhereInput {
  const { organisationId, status, skillId } = filter ?? {};
  return {
    AND: [
      visibleRequests(viewer),
      {
        ...(organisationId ? { project: { organisationId } } : {}),
        ...(status ? { status } : {}),
        ...(skillId ? { skills: { some: { skillId } } } : {}),
      },
    ],
  };
}

builder.queryFields((t) => ({
  requests: t.prismaConnection(
    {
      type: 'Request',
      cursor: 'id',
      defaultSize: 25,
      description: 'Requests you may see, by start week. DRAFTs only for their own organisation lead and workforce leads.',
      authScopes: { authenticated: true },
      args: { filter: t.arg({ type: RequestFilter }) },
      totalCount: (_connection, { filter }, context) =>
        context.prisma.request.count({ where: requestsWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        context.prisma.request.findMany({
          ...query,
          where: requestsWhere(viewerOf(context), filter),
          orderBy: [{ startWeek: 'asc' }, { title: 'asc' }, { id: 'asc' }],
        }),
    },
    RequestConnection,
  ),
  request: t.prismaField({
    type: 'Request',
    nullable: true,
    description: 'Null when there is no such request, or it is a DRAFT you may not see.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, args, context) =>
      context.prisma.request.findFirst({ ...query, where: { AND: [{ id: args.id }, visibleRequests(viewerOf(context))] } }),
  }),
}));
