import type { PrismaClient } from '../../../api/src/db/client.ts';
import type { Prisma } from '../../../api/src/generated/prisma/client.ts';
import { DEMO_LOGINS, type DemoLogin } from '../../../prisma/seed/demo-logins.ts';

export { DEMO_PASSWORD } from '../../../prisma/seed/demo-logins.ts';

function demoLogin(email: string): DemoLogin {
  const login = DEMO_LOGINS.find((candidate) => candidate.email === email);
  if (!login) throw new Error(`The demo seed has no login ${email}`);
  return login;
}

/** The demo ICS's people who sign in, by the part they play. */
export const demoPeople = {
  workforceLead: demoLogin('workforce.lead@northdales.example'),
  acuteLead: demoLogin('acute.lead@northdales.example'),
  hospiceLead: demoLogin('hospice.lead@northdales.example'),
  councilLead: demoLogin('council.lead@northdales.example'),
  analyst: demoLogin('analyst@northdales.example'),
} as const;

// The directory lists analysts still in the pool, by name.
const inPool = { status: 'ACTIVE' } as const satisfies Prisma.AnalystWhereInput;
const directoryOrder = [{ name: 'asc' }, { id: 'asc' }] as const satisfies Prisma.AnalystOrderByWithRelationInput[];

export interface DirectoryQuery {
  where?: Prisma.AnalystWhereInput;
  skip?: number;
  take?: number;
}

/** Names the directory should list, in its order. */
export async function directoryNames(prisma: PrismaClient, { where = {}, skip, take }: DirectoryQuery = {}): Promise<string[]> {
  const analysts = await prisma.analyst.findMany({ where: { ...inPool, ...where }, orderBy: directoryOrder, skip, take, select: { name: true } });
  return analysts.map(({ name }) => name);
}

export function directoryCount(prisma: PrismaClient, where: Prisma.AnalystWhereInput = {}): Promise<number> {
  return prisma.analyst.count({ where: { ...inPool, ...where } });
}

/** Name or job title containing the text, as the directory's search does. */
export function matchingSearch(text: string): Prisma.AnalystWhereInput {
  return {
    OR: [
      { name: { contains: text, mode: 'insensitive' } },
      { jobTitle: { contains: text, mode: 'insensitive' } },
    ],
  };
}

export function holdingSkill(skillId: string, minLevel = 1): Prisma.AnalystWhereInput {
  return { skills: { some: { skillId, level: { gte: minLevel } } } };
}

/**
 * An analyst beyond the first page of the directory whose full name no other analyst shares, so a search
 * for it visibly narrows the list.
 */
export async function analystToSearchFor(prisma: PrismaClient, pageSize: number): Promise<{ id: string; name: string }> {
  const analysts = await prisma.analyst.findMany({ where: inPool, orderBy: directoryOrder, select: { id: true, name: true } });
  const counts = new Map<string, number>();
  for (const { name } of analysts) counts.set(name, (counts.get(name) ?? 0) + 1);
  const candidate = analysts.slice(pageSize).find(({ name }) => counts.get(name) === 1);
  if (!candidate) throw new Error('The demo data has no uniquely named analyst beyond the first directory page');
  return candidate;
}

/** A skill held by several analysts, fewer of them at Practitioner level or above, so both filters narrow. */
export async function skillToFilterBy(prisma: PrismaClient): Promise<{ id: string; name: string }> {
  const skills = await prisma.skill.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, analystSkills: { where: { analyst: inPool }, select: { level: true } } },
  });
  const candidate = skills.find(({ analystSkills }) => {
    const practitioners = analystSkills.filter(({ level }) => level >= 3).length;
    return analystSkills.length >= 5 && practitioners > 0 && practitioners < analystSkills.length;
  });
  if (!candidate) throw new Error('The demo data has no skill held by several analysts at mixed levels');
  return { id: candidate.id, name: candidate.name };
}

/** The first analyst in the directory, among those matching, who has skills to show. */
export async function firstAnalyst(prisma: PrismaClient, where: Prisma.AnalystWhereInput): Promise<AnalystProfile> {
  const analyst = await prisma.analyst.findFirstOrThrow({
    where: { ...inPool, ...where, skills: { some: {} } },
    orderBy: directoryOrder,
    select: { id: true },
  });
  return analystProfile(prisma, analyst.id);
}

export interface AnalystProfile {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  organisation: string;
  skills: { name: string; level: number }[];
  availabilityCount: number;
}

async function analystProfile(prisma: PrismaClient, id: string): Promise<AnalystProfile> {
  const analyst = await prisma.analyst.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      organisation: { select: { name: true } },
      skills: { select: { level: true, skill: { select: { name: true } } }, orderBy: { skill: { name: 'asc' } } },
      _count: { select: { availabilities: true } },
    },
  });
  return {
    id: analyst.id,
    name: analyst.name,
    email: analyst.email,
    jobTitle: analyst.jobTitle,
    organisation: analyst.organisation.name,
    skills: analyst.skills.map(({ level, skill }) => ({ name: skill.name, level })),
    availabilityCount: analyst._count.availabilities,
  };
}

export async function analystOfUser(prisma: PrismaClient, email: string): Promise<AnalystProfile> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { analystId: true } });
  if (!user.analystId) throw new Error(`${email} is not an analyst`);
  return analystProfile(prisma, user.analystId);
}

/** Who may see what, as the contract states it: drafts only to their own organisation's leads and workforce leads. */
export interface Visibility {
  projects: Prisma.ProjectWhereInput;
  requests: Prisma.RequestWhereInput;
}

export async function visibilityOf(prisma: PrismaClient, email: string): Promise<Visibility> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { role: true, organisationId: true } });
  if (user.role === 'WORKFORCE_LEAD') return { projects: {}, requests: {} };
  const ownProjects = user.role === 'ORGANISATION_LEAD' && user.organisationId ? [{ organisationId: user.organisationId }] : [];
  return {
    projects: { OR: [{ status: { not: 'DRAFT' } }, ...ownProjects] },
    requests: {
      OR: [
        { status: { not: 'DRAFT' }, project: { status: { not: 'DRAFT' } } },
        ...ownProjects.map((project) => ({ project })),
      ],
    },
  };
}

/** How many drafts the viewer may see, and how many projects are kept from them: what makes the rule visible. */
export async function draftVisibility(prisma: PrismaClient, visibility: Visibility): Promise<{ visibleDrafts: number; hidden: number }> {
  const [visibleDrafts, hidden] = await Promise.all([
    prisma.project.count({ where: { AND: [visibility.projects, { status: 'DRAFT' }] } }),
    prisma.project.count({ where: { NOT: visibility.projects } }),
  ]);
  return { visibleDrafts, hidden };
}

/** Projects as the projects page lists them, by title. */
export function listedProjects(prisma: PrismaClient, where: Prisma.ProjectWhereInput, take: number): Promise<{ id: string; title: string }[]> {
  return prisma.project.findMany({ where, orderBy: [{ title: 'asc' }, { id: 'asc' }], take, select: { id: true, title: true } });
}

export async function projectDetail(
  prisma: PrismaClient,
  id: string,
  visibleRequests: Prisma.RequestWhereInput,
): Promise<{ title: string; organisation: string; requestTitles: string[] }> {
  const project = await prisma.project.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      organisation: { select: { name: true } },
      requests: { where: visibleRequests, orderBy: [{ startWeek: 'asc' }, { title: 'asc' }], select: { title: true } },
    },
  });
  return { title: project.title, organisation: project.organisation.name, requestTitles: project.requests.map((request) => request.title) };
}
