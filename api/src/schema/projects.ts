import type { Prisma } from '../generated/prisma/client.ts';
import { ProjectStatus } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { canManageProjectsOf, visibleProjects, visibleRequests } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';
import { cancelProject, createProject, updateProject } from '../services/projects.ts';
import { OPEN_PROJECT_STATUSES } from '../services/projects-access.ts';
import { PROJECT_TITLE_MAX } from '../services/projects-input.ts';

const ProjectStatusEnum = builder.enumType(ProjectStatus, { name: 'ProjectStatus' });

const Project = builder.prismaObject('Project', {
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    purpose: t.exposeString('purpose'),
    expectedBenefit: t.exposeString('expectedBenefit'),
    status: t.expose('status', { type: ProjectStatusEnum }),
    version: t.exposeInt('version', { description: 'Pass it back to updateProject and cancelProject.' }),
    open: t.boolean({
      description: 'DRAFT or ACTIVE: it can still be changed, take new requests and be cancelled.',
      select: { status: true },
      resolve: (project) => OPEN_PROJECT_STATUSES.includes(project.status),
    }),
    viewerCanManage: t.boolean({
      description: 'Whether you may change it and its requests: its own organisation lead and workforce leads.',
      select: { organisationId: true },
      resolve: (project, _args, context) => canManageProjectsOf(viewerOf(context), project.organisationId),
    }),
    organisation: t.relation('organisation', { description: 'The owning organisation.' }),
    requestCount: t.relationCount('requests', {
      description: 'How many of its requests you may see.',
      where: (_args, context) => visibleRequests(viewerOf(context)),
    }),
    requests: t.relation('requests', {
      description: 'Its requests that you may see (drafts only for the owning organisation and workforce leads).',
      query: (_args, context) => ({
        where: visibleRequests(viewerOf(context)),
        orderBy: [{ startWeek: 'asc' }, { title: 'asc' }],
      }),
    }),
  }),
});

const ProjectConnection = builder.connectionObject({ type: Project, name: 'ProjectConnection' });

const ProjectFilter = builder.inputType('ProjectFilter', {
  fields: (t) => ({
    organisationId: t.id({ validate: valid.optionalId }),
    mine: t.boolean({ description: 'Only the projects of your own organisation.' }),
    status: t.field({ type: ProjectStatusEnum }),
    search: t.string({ description: 'Matches the title or purpose.', validate: valid.search }),
  }),
});

function projectsWhere(viewer: Viewer, filter: typeof ProjectFilter.$inferInput | null | undefined): Prisma.ProjectWhereInput {
  const { organisationId, mine, status, search } = filter ?? {};
  return {
    AND: [
      visibleProjects(viewer),
      mine ? { organisationId: viewer.organisationId ?? { in: [] } } : {},
      {
        ...(organisationId ? { organisationId } : {}),
        ...(status ? { status } : {}),
        ...(search
          ? { OR: [{ title: { contains: search, mode: 'insensitive' } }, { purpose: { contains: search, mode: 'insensitive' } }] }
          : {}),
      },
    ],
  };
}

builder.queryFields((t) => ({
  projects: t.prismaConnection(
    {
      type: 'Project',
      cursor: 'id',
      defaultSize: 25,
      description: 'Projects you may see, by title. DRAFTs only for their own organisation lead and workforce leads.',
      authScopes: { authenticated: true },
      args: { filter: t.arg({ type: ProjectFilter }) },
      totalCount: (_connection, { filter }, context) =>
        context.prisma.project.count({ where: projectsWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        context.prisma.project.findMany({
          ...query,
          where: projectsWhere(viewerOf(context), filter),
          orderBy: [{ title: 'asc' }, { id: 'asc' }],
        }),
    },
    ProjectConnection,
  ),
  project: t.prismaField({
    type: 'Project',
    nullable: true,
    description: 'Null when there is no such project, or it is a DRAFT you may not see.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, args, context) =>
      context.prisma.project.findFirst({ ...query, where: { AND: [{ id: args.id }, visibleProjects(viewerOf(context))] } }),
  }),
}));

const ProjectInput = builder.inputType('ProjectInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: `At most ${PROJECT_TITLE_MAX} characters; unique within the organisation.` }),
    purpose: t.string({ required: true }),
    expectedBenefit: t.string(),
  }),
});

builder.mutationFields((t) => ({
  createProject: t.prismaField({
    type: 'Project',
    description:
      'A new DRAFT project. Organisation leads: for their own organisation (organisationId may be omitted). ' +
      'Workforce leads: for the organisation named by organisationId. Analysts: FORBIDDEN.',
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.id({ validate: valid.optionalId }),
      input: t.arg({ type: ProjectInput, required: true }),
    },
    resolve: async (query, _root, { organisationId, input }, context) => {
      const { id } = await createProject(context.prisma, viewerOf(context), { organisationId, input });
      return context.prisma.project.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateProject: t.prismaField({
    type: 'Project',
    description: "Changes a DRAFT or ACTIVE project's title, purpose and expected benefit. STALE_VERSION when `version` is not current.",
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: ProjectInput, required: true }),
    },
    resolve: async (query, _root, { id, version, input }, context) => {
      await updateProject(context.prisma, viewerOf(context), { id, version, input });
      return context.prisma.project.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  cancelProject: t.prismaField({
    type: 'Project',
    description:
      'Cancels a DRAFT or ACTIVE project and all its open requests; allocations on them that are not final are WITHDRAWN.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: valid.id }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, { id, version }, context) => {
      await cancelProject(context.prisma, viewerOf(context), { id, version });
      return context.prisma.project.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
