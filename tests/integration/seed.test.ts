import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../api/src/auth/password.ts';
import type { PrismaClient } from '../../api/src/db/client.ts';
import { DemoAlreadySeededError, isDemoSeeded, seedDemoIcs, type DemoSeedSummary } from '../../prisma/seed/demo-ics.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../prisma/seed/demo-logins.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

const DAY_MS = 24 * 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const todayUtc = Date.UTC(TEST_TODAY.getUTCFullYear(), TEST_TODAY.getUTCMonth(), TEST_TODAY.getUTCDate());
const FIRST_MONDAY = todayUtc - ((TEST_TODAY.getUTCDay() + 6) % 7) * DAY_MS;
const LAST_MONDAY = FIRST_MONDAY + 25 * WEEK_MS;

let first: TestDatabase;
let second: TestDatabase;
let summary: DemoSeedSummary;
let seededBefore: boolean;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase('empty'), createTestDatabase('empty')]);
  seededBefore = await isDemoSeeded(first.prisma);
  summary = await seedDemoIcs(first.prisma, { today: TEST_TODAY });
  await seedDemoIcs(second.prisma, { today: TEST_TODAY });
});

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

describe('demo ICS seed', () => {
  it('writes the same content into two databases for the same day', async () => {
    const [a, b] = await Promise.all([snapshot(first.prisma), snapshot(second.prisma)]);
    expect(a.analysts).toHaveLength(summary.analysts);
    expect(a.projects).toHaveLength(summary.projects);
    expect(a).toEqual(b);
  });

  it('reports what it wrote', async () => {
    const prisma = first.prisma;
    expect(summary).toEqual({
      icsId: (await prisma.ics.findUniqueOrThrow({ where: { code: 'NDICS' } })).id,
      organisations: await prisma.organisation.count(),
      analysts: await prisma.analyst.count(),
      skills: await prisma.skill.count(),
      roleProfiles: await prisma.roleProfile.count(),
      projects: await prisma.project.count(),
      requests: await prisma.request.count(),
      users: await prisma.user.count(),
    });
  });

  it('meets every minimum of the demo', async () => {
    const prisma = first.prisma;
    expect(summary.organisations).toBeGreaterThanOrEqual(12);
    expect(summary.skills).toBeGreaterThanOrEqual(25);
    expect(summary.roleProfiles).toBeGreaterThanOrEqual(6);
    expect(summary.analysts).toBeGreaterThanOrEqual(120);
    expect(summary.projects).toBeGreaterThanOrEqual(30);
    expect(summary.requests).toBeGreaterThanOrEqual(60);
    expect(await prisma.interest.count()).toBeGreaterThan(0);
    expect(await prisma.availability.count()).toBeGreaterThan(0);
    const categories = await prisma.skill.groupBy({ by: ['category'] });
    expect(categories.length).toBeGreaterThanOrEqual(8);
    const kinds = (await prisma.organisation.findMany({ select: { kind: true } })).map(({ kind }) => kind).sort();
    for (const kind of ['ICB', 'ACUTE_TRUST', 'MENTAL_HEALTH_TRUST', 'COMMUNITY_TRUST', 'AMBULANCE_TRUST', 'PRIMARY_CARE', 'SOCIAL_CARE', 'HOSPICE'] as const) {
      expect(kinds).toContain(kind);
    }
    expect(kinds.filter((kind) => kind === 'LOCAL_AUTHORITY')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'VCSE')).toHaveLength(2);
  });

  it('gives the big trusts most analysts and most requests, and small partners few', async () => {
    const organisations = await first.prisma.organisation.findMany({
      select: { kind: true, _count: { select: { analysts: true } }, projects: { select: { _count: { select: { requests: true } } } } },
    });
    const byAnalysts = [...organisations].sort((a, b) => b._count.analysts - a._count.analysts);
    expect(byAnalysts.slice(0, 2).map(({ kind }) => kind).sort()).toEqual(['ACUTE_TRUST', 'MENTAL_HEALTH_TRUST']);
    const requestsOf = (organisation: (typeof organisations)[number]) =>
      organisation.projects.reduce((sum, project) => sum + project._count.requests, 0);
    const fromBigTwo = byAnalysts.slice(0, 2).reduce((sum, organisation) => sum + requestsOf(organisation), 0);
    expect(fromBigTwo / summary.requests).toBeGreaterThanOrEqual(0.6);
    for (const small of organisations.filter(({ kind }) => kind === 'HOSPICE' || kind === 'VCSE')) {
      expect(small._count.analysts).toBeLessThanOrEqual(2);
      expect(requestsOf(small)).toBeGreaterThan(0);
    }
  });

  it('pools between 0.1 FTE and 60 % of contracted time, in 0.1 steps', async () => {
    const analysts = await first.prisma.analyst.findMany({ select: { contractedFte: true, pooledFte: true, protectedDevelopmentShare: true } });
    for (const analyst of analysts) {
      const pooled = analyst.pooledFte.toNumber();
      const contracted = analyst.contractedFte.toNumber();
      expect(analyst.pooledFte.mul(10).isInteger()).toBe(true);
      expect(pooled).toBeGreaterThanOrEqual(0.1);
      expect(pooled).toBeLessThanOrEqual(contracted * 0.6);
      expect(analyst.protectedDevelopmentShare.toNumber()).toBe(0.1);
    }
  });

  it('keeps every request on Monday weeks inside the next two quarters, ending after it starts', async () => {
    const requests = await first.prisma.request.findMany({ select: { startWeek: true, endWeek: true, fte: true } });
    for (const request of requests) {
      expect(request.startWeek.getUTCDay()).toBe(1);
      expect(request.endWeek.getUTCDay()).toBe(1);
      expect(request.endWeek.getTime()).toBeGreaterThanOrEqual(request.startWeek.getTime());
      expect(request.startWeek.getTime()).toBeGreaterThanOrEqual(FIRST_MONDAY);
      expect(request.endWeek.getTime()).toBeLessThanOrEqual(LAST_MONDAY);
      expect(request.fte.mul(10).isInteger()).toBe(true);
    }
  });

  it('creates the demo logins with one shared password hash', async () => {
    const users = await first.prisma.user.findMany({
      select: { email: true, role: true, passwordHash: true, organisation: { select: { name: true } }, analyst: { select: { organisation: { select: { name: true } } } } },
    });
    for (const login of DEMO_LOGINS) {
      const user = users.find((candidate) => candidate.email === login.email);
      expect(user).toMatchObject({ role: login.role, organisation: { name: login.organisation } });
      if (login.role === 'ANALYST') expect(user?.analyst?.organisation.name).toBe(login.organisation);
    }
    expect(users.filter((user) => user.role === 'ANALYST').length).toBeGreaterThan(5);
    expect(new Set(users.map((user) => user.passwordHash)).size).toBe(1);
    expect(await verifyPassword(users[0]?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
  });

  it('refuses to seed the demo twice and leaves the data as it was', async () => {
    expect(seededBefore).toBe(false);
    expect(await isDemoSeeded(first.prisma)).toBe(true);
    await expect(seedDemoIcs(first.prisma, { today: TEST_TODAY })).rejects.toBeInstanceOf(DemoAlreadySeededError);
    expect(await first.prisma.analyst.count()).toBe(summary.analysts);
  });
});

/** Everything the seed writes, without ids, timestamps of the write or password hashes (salted). */
async function snapshot(prisma: PrismaClient) {
  const name = { select: { name: true } } as const;
  const byName = { orderBy: { name: 'asc' } } as const;
  const bySkill = { orderBy: { skill: { name: 'asc' } } } as const;
  const [ics, organisations, skills, roleProfiles, analysts, projects, users] = await Promise.all([
    prisma.ics.findMany({ omit: { id: true, createdAt: true, updatedAt: true } }),
    prisma.organisation.findMany({ omit: { id: true, icsId: true, createdAt: true, updatedAt: true }, ...byName }),
    prisma.skill.findMany({ omit: { id: true, icsId: true, createdAt: true }, ...byName }),
    prisma.roleProfile.findMany({
      select: { name: true, band: true, description: true, requirements: { select: { level: true, skill: name }, ...bySkill } },
      ...byName,
    }),
    prisma.analyst.findMany({
      omit: { id: true, icsId: true, organisationId: true, targetRoleProfileId: true, createdAt: true, updatedAt: true },
      include: {
        organisation: name,
        targetRole: name,
        skills: { select: { level: true, lastEvidencedAt: true, skill: name }, ...bySkill },
        aspirations: { select: { targetLevel: true, skill: name }, ...bySkill },
        availabilities: { select: { startWeek: true, endWeek: true, availableFraction: true }, orderBy: { startWeek: 'asc' } },
        interests: { select: { request: { select: { title: true } } }, orderBy: { request: { title: 'asc' } } },
      },
      orderBy: { email: 'asc' },
    }),
    prisma.project.findMany({
      omit: { id: true, icsId: true, organisationId: true, createdById: true, createdAt: true, updatedAt: true },
      include: {
        organisation: name,
        createdBy: { select: { email: true } },
        requests: {
          omit: { id: true, icsId: true, projectId: true, createdAt: true, updatedAt: true },
          include: { skills: { select: { kind: true, minLevel: true, skill: name }, ...bySkill } },
          orderBy: { title: 'asc' },
        },
      },
      orderBy: { title: 'asc' },
    }),
    prisma.user.findMany({
      select: { email: true, name: true, role: true, organisation: name, analyst: { select: { email: true } } },
      orderBy: { email: 'asc' },
    }),
  ]);
  const plain = (rows: unknown): unknown[] => JSON.parse(JSON.stringify(rows));
  return {
    ics: plain(ics),
    organisations: plain(organisations),
    skills: plain(skills),
    roleProfiles: plain(roleProfiles),
    analysts: plain(analysts),
    projects: plain(projects),
    users: plain(users),
  };
}
