import type { Prisma } from '../generated/prisma/client.ts';
import { SkillCategory } from '../generated/prisma/enums.ts';
import { viewerOf } from '../context.ts';
import type { Viewer } from '../auth/session.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

export const SkillCategoryEnum = builder.enumType(SkillCategory, { name: 'SkillCategory' });

const Skill = builder.prismaObject('Skill', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    category: t.expose('category', { type: SkillCategoryEnum }),
    description: t.exposeString('description'),
  }),
});

const SkillConnection = builder.connectionObject({ type: Skill, name: 'SkillConnection' });

interface SkillArgs {
  category?: SkillCategory | null;
  search?: string | null;
}

function skillsWhere(viewer: Viewer, { category, search }: SkillArgs): Prisma.SkillWhereInput {
  return {
    icsId: viewer.icsId,
    ...(category ? { category } : {}),
    ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}),
  };
}

builder.queryField('skills', (t) =>
  t.prismaConnection(
    {
      type: 'Skill',
      cursor: 'id',
      defaultSize: 100,
      description: 'The skills taxonomy of your ICS, by name.',
      authScopes: { authenticated: true },
      args: {
        category: t.arg({ type: SkillCategoryEnum }),
        search: t.arg.string({ validate: valid.search }),
      },
      totalCount: (_connection, args, context) =>
        context.prisma.skill.count({ where: skillsWhere(viewerOf(context), args) }),
      resolve: (query, _root, args, context) =>
        context.prisma.skill.findMany({
          ...query,
          where: skillsWhere(viewerOf(context), args),
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    },
    SkillConnection,
  ),
);
