import type { Prisma } from '../generated/prisma/client.ts';
import { ProjectStatus } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import { visibleProjects, visibleRequests } from '../auth/policy.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

const ProjectStatusEnum = builder.enumType(ProjectStatus, { name: 'ProjectStatus' });

const Project = builder.prismaObject('Project', {
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    purpose: t.exposeString('purpose'),
    expectedBenefit: t.exposeString('expectedBenefit'),
    status: t.expose('status', { type: ProjectStatusEnum }),
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
    status: t.field({ type: ProjectStatusEnum }),
    search: t.string({ description: 'Matches the title or purpose.', validate: valid.search }),
  }),
});

function projectsWhere(viewer: Viewer, filter: typeof ProjectFilter.$inferInput | null | undefined): Prisma.ProjectWhereInput {
  const { organisationId, status, search } = filter ?? {};
  return {
    AND: [
      visibleProjects(viewer),
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
