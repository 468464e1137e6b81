import type { Prisma } from '../generated/prisma/client.ts';
import { RequestPriority, RequestStatus, type RequestSkillKind } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { canManageProjectsOf, visibleAllocations, visibleRequests } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';
import { Organisation } from './organisations.ts';
import { allocationOrder } from './allocations.ts';
import { cancelRequest, createRequest, submitRequest, updateRequest } from '../services/requests.ts';
import { isEditableRequest, LIVE_ALLOCATION_STATUSES, OPEN_REQUEST_STATUSES } from '../services/projects-access.ts';
import { REQUEST_TITLE_MAX, SKILLS_MAX } from '../services/requests-input.ts';

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
  // Only the columns the operation asks for: lists such as the timeline read a title, never the description.
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    fte: t.float({ description: 'FTE per week.', select: { fte: true }, resolve: (request) => request.fte.toNumber() }),
    startWeek: t.expose('startWeek', { type: 'Date' }),
    endWeek: t.expose('endWeek', { type: 'Date' }),
    priority: t.expose('priority', { type: RequestPriorityEnum }),
    openToDevelopment: t.exposeBoolean('openToDevelopment'),
    status: t.expose('status', { type: RequestStatusEnum }),
    version: t.exposeInt('version', { description: 'Pass it back to updateRequest, submitRequest and cancelRequest.' }),
    editable: t.boolean({
      description:
        'Whether updateRequest may change it: while DRAFT, or SUBMITTED with no analyst proposed for it yet ' +
        '(no PROPOSED, ACCEPTED or ACTIVE allocation). After that it can only be cancelled.',
      select: { status: true, _count: { select: { allocations: { where: { status: { in: [...LIVE_ALLOCATION_STATUSES] } } } } } },
      resolve: (request) => isEditableRequest(request.status, request._count.allocations),
    }),
    cancellable: t.boolean({
      description: 'Not yet COMPLETED or CANCELLED.',
      select: { status: true },
      resolve: (request) => OPEN_REQUEST_STATUSES.includes(request.status),
    }),
    viewerCanManage: t.boolean({
      description: "Whether you may change it: its project's organisation lead and workforce leads.",
      select: { project: { select: { organisationId: true } } },
      resolve: (request, _args, context) => canManageProjectsOf(viewerOf(context), request.project.organisationId),
    }),
    allocations: t.relation('allocations', {
      description: 'Analysts proposed for or working on it, in every status, by start week; only those you are a party to unless you are a workforce lead.',
      query: (_args, context) => ({ where: visibleAllocations(viewerOf(context)), orderBy: allocationOrder }),
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true, description: 'When it was submitted to the pool; null while a draft.' }),
    project: t.relation('project'),
    organisation: t.field({
      type: Organisation,
      description: "The project's owning organisation.",
      select: (_args, _context, nestedSelection) => ({
        project: { select: { organisation: nestedSelection(true) } },
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

export function requestsWhere(viewer: Viewer, filter: typeof RequestFilter.$inferInput | null | undefined): Prisma.RequestWhereInput {
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

const RequestSkillInput = builder.inputType('RequestSkillInput', {
  fields: (t) => ({
    skillId: t.id({ required: true, validate: valid.id }),
    level: t.int({ required: true, description: 'Minimum level, 1 (Awareness) to 4 (Expert).' }),
  }),
});

const RequestInput = builder.inputType('RequestInput', {
  description: 'A whole request; updateRequest replaces every field with these.',
  fields: (t) => ({
    title: t.string({ required: true, description: `At most ${REQUEST_TITLE_MAX} characters; unique within the project.` }),
    description: t.string(),
    requiredSkills: t.field({ type: [RequestSkillInput], required: true, description: `Must-have skills, 1 to ${SKILLS_MAX}.` }),
    desiredSkills: t.field({ type: [RequestSkillInput], required: true, description: `Nice-to-have skills, at most ${SKILLS_MAX}; none of the must-have ones.` }),
    fte: t.float({ required: true, description: 'FTE per week: more than 0, at most 1, in steps of 0.1.' }),
    startWeek: t.field({ type: 'Date', required: true, description: 'Any day; stored as the Monday of its week. This week or later.' }),
    endWeek: t.field({ type: 'Date', required: true, description: 'Any day; stored as the Monday of its week. Not before the start week.' }),
    priority: t.field({ type: RequestPriorityEnum, required: true }),
    openToDevelopment: t.boolean({ required: true, description: 'Whether a development placement (with a mentor) may fill part of it.' }),
  }),
});

builder.mutationFields((t) => ({
  createRequest: t.prismaField({
    type: 'Request',
    description: 'A new DRAFT request in a DRAFT or ACTIVE project, by its organisation lead or a workforce lead.',
    authScopes: { authenticated: true },
    args: {
      projectId: t.arg.id({ required: true, validate: valid.id }),
      input: t.arg({ type: RequestInput, required: true }),
    },
    resolve: async (query, _root, { projectId, input }, context) => {
      const { id } = await createRequest(context.prisma, viewerOf(context), { projectId, input, now: context.now() });
      return context.prisma.request.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRequest: t.prismaField({
    type: 'Request',
    description:
      'Replaces every field of an editable request (see Request.editable); INVALID_TRANSITION otherwise. ' +
      'STALE_VERSION when `version` is not current.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: RequestInput, required: true }),
    },
    resolve: async (query, _root, { id, version, input }, context) => {
      await updateRequest(context.prisma, viewerOf(context), { id, version, input, now: context.now() });
      return context.prisma.request.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  submitRequest: t.prismaField({
    type: 'Request',
    description: 'DRAFT → SUBMITTED (sets submittedAt); a DRAFT project becomes ACTIVE. Its start week must not have passed.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, { id, version }, context) => {
      await submitRequest(context.prisma, viewerOf(context), { id, version, now: context.now() });
      return context.prisma.request.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  cancelRequest: t.prismaField({
    type: 'Request',
    description: 'Cancels an open request; its allocations that are not final become WITHDRAWN, freeing the analysts’ time.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, { id, version }, context) => {
      await cancelRequest(context.prisma, viewerOf(context), { id, version });
      return context.prisma.request.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
