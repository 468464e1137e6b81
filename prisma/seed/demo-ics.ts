import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../api/src/auth/password.ts';
import type { PrismaClient } from '../../api/src/db/client.ts';
import type { Prisma } from '../../api/src/generated/prisma/client.ts';
import { DEMO_ICS } from './data/ics.ts';
import { ORGANISATIONS } from './data/organisations.ts';
import { ROLE_PROFILES } from './data/role-profiles.ts';
import { SKILLS } from './data/skills.ts';
import { DEMO_PASSWORD } from './demo-logins.ts';
import { buildDemoPlan, type DemoPlan } from './plan.ts';

export interface DemoSeedSummary {
  icsId: string;
  organisations: number;
  analysts: number;
  skills: number;
  roleProfiles: number;
  projects: number;
  requests: number;
  users: number;
}

export class DemoAlreadySeededError extends Error {
  readonly code = 'DEMO_ALREADY_SEEDED';
  constructor() {
    super(`The demo ICS ${DEMO_ICS.code} already exists; seed an empty database instead`);
  }
}

export async function isDemoSeeded(prisma: PrismaClient | Prisma.TransactionClient): Promise<boolean> {
  return (await prisma.ics.count({ where: { code: DEMO_ICS.code } })) > 0;
}

/** Creates the North Dales demo ICS in one transaction; the same `today` always gives the same data. */
export async function seedDemoIcs(prisma: PrismaClient, options: { today?: Date } = {}): Promise<DemoSeedSummary> {
  const plan = buildDemoPlan(options.today ?? new Date());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return prisma.$transaction(
    async (tx) => {
      if (await isDemoSeeded(tx)) throw new DemoAlreadySeededError();
      return writePlan(tx, plan, passwordHash);
    },
    { timeout: 120_000 },
  );
}

/** Ids are made here so every table goes in with one createMany. */
async function writePlan(tx: Prisma.TransactionClient, plan: DemoPlan, passwordHash: string): Promise<DemoSeedSummary> {
  const icsId = randomUUID();
  const organisationIds = new IdMap(ORGANISATIONS.map((organisation) => organisation.key));
  const skillIds = new IdMap(SKILLS.map((skill) => skill.name));
  const roleProfileIds = new IdMap(ROLE_PROFILES.map((profile) => profile.name));
  const analystIds = new IdMap(plan.analysts.map((analyst) => analyst.email));
  const userIds = new IdMap(plan.users.map((user) => user.email));
  const projectIds = new IdMap(plan.projects.map((project) => project.title));
  const requests = plan.projects.flatMap((project) =>
    project.requests.map((request) => ({ project, request, key: requestKey(project.title, request.title) })),
  );
  const requestIds = new IdMap(requests.map(({ key }) => key));
  const tenths = (value: number) => (value / 10).toFixed(1);

  await tx.ics.create({ data: { id: icsId, name: DEMO_ICS.name, code: DEMO_ICS.code } });
  await tx.organisation.createMany({
    data: ORGANISATIONS.map(({ key, name, odsCode, kind, sizeBand, headcount }) => ({
      id: organisationIds.get(key), icsId, name, odsCode, kind, sizeBand, headcount,
    })),
  });
  await tx.skill.createMany({
    data: SKILLS.map(({ name, category, description }) => ({ id: skillIds.get(name), icsId, name, category, description })),
  });
  await tx.roleProfile.createMany({
    data: ROLE_PROFILES.map(({ name, band, description }) => ({ id: roleProfileIds.get(name), icsId, name, band, description })),
  });
  await tx.roleProfileSkill.createMany({
    data: ROLE_PROFILES.flatMap((profile) =>
      Object.entries(profile.requirements).map(([skill, level]) => ({
        icsId, roleProfileId: roleProfileIds.get(profile.name), skillId: skillIds.get(skill), level,
      })),
    ),
  });

  await tx.analyst.createMany({
    data: plan.analysts.map((analyst) => ({
      id: analystIds.get(analyst.email),
      icsId,
      organisationId: organisationIds.get(analyst.organisation),
      name: analyst.name,
      email: analyst.email,
      jobTitle: analyst.jobTitle,
      band: analyst.band,
      contractedFte: tenths(analyst.contractedTenths),
      pooledFte: tenths(analyst.pooledTenths),
      protectedDevelopmentShare: '0.1',
      workPreference: analyst.workPreference,
      sectorsOfInterest: [...analyst.sectorsOfInterest],
      targetRoleProfileId: analyst.targetRole ? roleProfileIds.get(analyst.targetRole) : null,
    })),
  });
  await tx.analystSkill.createMany({
    data: plan.analysts.flatMap((analyst) =>
      analyst.skills.map(({ skill, level, lastEvidencedAt }) => ({
        icsId, analystId: analystIds.get(analyst.email), skillId: skillIds.get(skill), level, lastEvidencedAt,
        evidencedLevel: lastEvidencedAt ? level : null,
      })),
    ),
  });
  await tx.aspiration.createMany({
    data: plan.analysts.flatMap((analyst) =>
      analyst.aspirations.map(({ skill, targetLevel }) => ({
        icsId, analystId: analystIds.get(analyst.email), skillId: skillIds.get(skill), targetLevel,
      })),
    ),
  });
  await tx.availability.createMany({
    data: plan.analysts.flatMap((analyst) =>
      analyst.availability.map(({ startWeek, endWeek, availableFraction }) => ({
        icsId, analystId: analystIds.get(analyst.email), startWeek, endWeek, availableFraction: availableFraction.toFixed(2),
      })),
    ),
  });

  await tx.user.createMany({
    data: plan.users.map((user) => ({
      id: userIds.get(user.email),
      icsId,
      email: user.email,
      name: user.name,
      passwordHash,
      role: user.role,
      organisationId: organisationIds.get(user.organisation),
      analystId: user.analystEmail ? analystIds.get(user.analystEmail) : null,
    })),
  });

  const leadByOrganisation = new Map(
    plan.users.filter((user) => user.role === 'ORGANISATION_LEAD').map((user) => [user.organisation, userIds.get(user.email)]),
  );
  await tx.project.createMany({
    data: plan.projects.map((project) => ({
      id: projectIds.get(project.title),
      icsId,
      organisationId: organisationIds.get(project.organisation),
      title: project.title,
      purpose: project.purpose,
      expectedBenefit: project.expectedBenefit,
      status: project.status,
      createdById: leadByOrganisation.get(project.organisation) ?? null,
    })),
  });
  await tx.request.createMany({
    data: requests.map(({ project, request, key }) => ({
      id: requestIds.get(key),
      icsId,
      projectId: projectIds.get(project.title),
      title: request.title,
      description: request.description,
      fte: tenths(request.fteTenths),
      startWeek: request.startWeek,
      endWeek: request.endWeek,
      priority: request.priority,
      openToDevelopment: request.openToDevelopment,
      status: request.status,
      submittedAt: request.submittedAt,
    })),
  });
  await tx.requestSkill.createMany({
    data: requests.flatMap(({ request, key }) =>
      [
        ...request.required.map((skill) => ({ ...skill, kind: 'REQUIRED' as const })),
        ...request.desired.map((skill) => ({ ...skill, kind: 'DESIRED' as const })),
      ].map(({ skill, minLevel, kind }) => ({ icsId, requestId: requestIds.get(key), skillId: skillIds.get(skill), kind, minLevel })),
    ),
  });
  await tx.interest.createMany({
    data: plan.interests.map((interest) => ({
      icsId,
      analystId: analystIds.get(interest.analystEmail),
      requestId: requestIds.get(requestKey(interest.projectTitle, interest.requestTitle)),
    })),
  });

  return {
    icsId,
    organisations: ORGANISATIONS.length,
    analysts: plan.analysts.length,
    skills: SKILLS.length,
    roleProfiles: ROLE_PROFILES.length,
    projects: plan.projects.length,
    requests: requestIds.size,
    users: plan.users.length,
  };
}

/** A lookup that fails loudly, so a typo in the data tables cannot write a null foreign key. */
class IdMap {
  readonly #ids: Map<string, string>;
  constructor(keys: readonly string[]) {
    this.#ids = new Map(keys.map((key) => [key, randomUUID()]));
    if (this.#ids.size !== keys.length) throw new Error('Demo data has duplicate keys');
  }
  get size(): number {
    return this.#ids.size;
  }
  get(key: string): string {
    const id = this.#ids.get(key);
    if (!id) throw new Error(`Demo data refers to unknown ${key}`);
    return id;
  }
}

function requestKey(projectTitle: string, requestTitle: string): string {
  return `${projectTitle} / ${requestTitle}`;
}
