import { beforeAll, describe, expect, it } from 'vitest';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

beforeAll(async () => {
  // Completed work evidenced both analysts' SQL at level 3 (the scenario dates it; record the level too).
  await setup.database.prisma.analystSkill.updateMany({ where: { skillId: setup.scenario.skills.sql.id }, data: { evidencedLevel: 3 } });
});

const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) {
    updateAnalystProfile(id: $id, version: $version, input: $input) {
      version workPreference sectorsOfInterest targetRole { id }
      skills { level evidencedLevel selfAssessed skill { id } }
      aspirations { targetLevel skill { id } }
      availabilities { startWeek endWeek availableFraction }
    }
  }
`;

const PERSONAL = /* GraphQL */ `
  query ($id: ID!) { analyst(id: $id) { name skills { level } aspirations { targetLevel } availabilities { startWeek } sectorsOfInterest } }
`;

const signIn = (user: { email: string }) => setup.signIn(user);
const analystRow = (id: string) =>
  setup.database.prisma.analyst.findUniqueOrThrow({ where: { id }, include: { skills: true, aspirations: true, availabilities: true } });
const auditCount = (id: string) => setup.database.prisma.auditEvent.count({ where: { entityType: 'Analyst', entityId: id } });

async function update(user: { email: string }, analystId: string, input: Record<string, unknown>) {
  const { version } = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: analystId } });
  return (await setup.signIn(user)).execute(UPDATE, { id: analystId, version, input });
}

describe('an analyst keeping their own profile', () => {
  it('sets skills, aspirations, target role, preferences and availability in one audited, versioned change', async () => {
    const { hospiceAnalyst } = setup.scenario.analysts;
    const { skills, roleProfiles } = setup.scenario;
    const version = (await analystRow(hospiceAnalyst.id)).version;
    const audits = await auditCount(hospiceAnalyst.id);

    const result = await update(setup.scenario.users.hospiceAnalyst, hospiceAnalyst.id, {
      workPreference: 'ON_SITE',
      sectorsOfInterest: ['HOSPICE', 'ACUTE_TRUST'],
      targetRoleId: roleProfiles.seniorAnalyst.id,
      skills: [
        { skillId: skills.sql.id, level: 4 },
        { skillId: skills.statistics.id, level: 2 },
        { skillId: skills.dashboards.id, level: 1 },
      ],
      aspirations: [
        { skillId: skills.statistics.id, targetLevel: 3 },
        { skillId: skills.dashboards.id, targetLevel: 3 },
      ],
      availability: [
        { startWeek: '2027-02-01', endWeek: '2027-02-08', availableFraction: 0 },
        { startWeek: '2027-03-01', endWeek: '2027-03-29', availableFraction: 0.5 },
      ],
    });

    expect(result.errors).toBeUndefined();
    const analyst = result.data!.updateAnalystProfile;
    expect(analyst.version).toBe(version + 1);
    expect(analyst.workPreference).toBe('ON_SITE');
    expect(analyst.sectorsOfInterest).toEqual(['HOSPICE', 'ACUTE_TRUST']);
    expect(analyst.skills).toContainEqual({ level: 4, evidencedLevel: 3, selfAssessed: true, skill: { id: skills.sql.id } });
    expect(analyst.skills).toContainEqual({ level: 1, evidencedLevel: null, selfAssessed: true, skill: { id: skills.dashboards.id } });
    expect(analyst.aspirations).toHaveLength(2);
    expect(analyst.availabilities).toEqual([
      { startWeek: '2027-02-01', endWeek: '2027-02-08', availableFraction: 0 },
      { startWeek: '2027-03-01', endWeek: '2027-03-29', availableFraction: 0.5 },
    ]);
    expect(await auditCount(hospiceAnalyst.id)).toBe(audits + 1);
    const [audit] = await setup.database.prisma.auditEvent.findMany({
      where: { entityType: 'Analyst', entityId: hospiceAnalyst.id },
      orderBy: { createdAt: 'desc' },
      take: 1,
    });
    expect(audit).toMatchObject({ actorId: setup.scenario.users.hospiceAnalyst.id, action: 'analyst.profile.update' });
    expect((audit!.after as { availabilities: unknown[] }).availabilities).toHaveLength(2);
  });

  it('refuses to lower or drop a level completed work evidenced, naming the field, and changes nothing', async () => {
    const { acuteAnalyst } = setup.scenario.analysts;
    const before = await analystRow(acuteAnalyst.id);
    const audits = await auditCount(acuteAnalyst.id);

    const lowered = await update(setup.scenario.users.acuteAnalyst, acuteAnalyst.id, {
      workPreference: 'REMOTE',
      skills: [
        { skillId: setup.scenario.skills.statistics.id, level: 2 },
        { skillId: setup.scenario.skills.sql.id, level: 2 },
      ],
    });
    const dropped = await update(setup.scenario.users.acuteAnalyst, acuteAnalyst.id, { skills: [{ skillId: setup.scenario.skills.statistics.id, level: 2 }] });

    expect(errorCodes(lowered)).toEqual(['VALIDATION_FAILED']);
    expect(lowered.errors![0]!.extensions!.fields).toEqual([
      { path: ['input', 'skills', 1, 'level'], message: 'Completed work evidenced level 3; the level cannot go below it.' },
    ]);
    expect(errorCodes(dropped)).toEqual(['VALIDATION_FAILED']);
    expect(dropped.errors![0]!.extensions!.fields).toEqual([
      { path: ['input', 'skills'], message: 'A skill evidenced by completed work cannot be removed.' },
    ]);
    expect(await analystRow(acuteAnalyst.id)).toEqual(before);
    expect(await auditCount(acuteAnalyst.id)).toBe(audits);
  });

  it('checks aspirations, availability and skills with a path to every bad field', async () => {
    const { acuteAnalyst } = setup.scenario.analysts;
    const before = await analystRow(acuteAnalyst.id);

    const result = await update(setup.scenario.users.acuteAnalyst, acuteAnalyst.id, {
      skills: [
        { skillId: setup.scenario.skills.sql.id, level: 5 },
        { skillId: setup.scenario.skills.sql.id, level: 3 },
        { skillId: setup.scenario.otherIcs.organisation.id, level: 1 },
      ],
      aspirations: [{ skillId: setup.scenario.skills.statistics.id, targetLevel: 0 }],
      availability: [
        { startWeek: '2027-02-02', endWeek: '2027-02-08', availableFraction: 0 },
        { startWeek: '2027-02-08', endWeek: '2027-02-01', availableFraction: 1 },
      ],
    });

    expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
    const paths = (result.errors![0]!.extensions!.fields ?? []).map((issue) => issue.path.join('.'));
    expect(paths.sort()).toEqual(
      [
        'input.skills.0.level',
        'input.skills.1.skillId',
        'input.skills.2.skillId',
        'input.aspirations.0.targetLevel',
        'input.availability.0.startWeek',
        'input.availability.1.endWeek',
        'input.availability.1.availableFraction',
        'input.availability.1.startWeek',
      ].sort(),
    );
    expect(await analystRow(acuteAnalyst.id)).toEqual(before);
  });

  it('only takes aspirations above the current level', async () => {
    const result = await update(setup.scenario.users.acuteAnalyst, setup.scenario.analysts.acuteAnalyst.id, {
      aspirations: [{ skillId: setup.scenario.skills.sql.id, targetLevel: 3 }],
    });
    expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
    expect(result.errors![0]!.extensions!.fields).toEqual([
      { path: ['input', 'aspirations', 0, 'targetLevel'], message: 'Aim above your current level (3).' },
    ]);
  });

  it('refuses an over-long list before touching anything', async () => {
    const aspirations = Array.from({ length: 101 }, () => ({ skillId: setup.scenario.skills.sql.id, targetLevel: 4 }));
    const result = await update(setup.scenario.users.acuteAnalyst, setup.scenario.analysts.acuteAnalyst.id, { aspirations });
    expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
    expect(result.errors![0]!.extensions!.fields).toEqual([{ path: ['input', 'aspirations'], message: 'Give at most 100.' }]);
  });

  it('is STALE_VERSION on a version someone else has moved on', async () => {
    const { acuteAnalyst } = setup.scenario.analysts;
    const { version } = await analystRow(acuteAnalyst.id);
    const client = await setup.signIn(setup.scenario.users.acuteAnalyst);
    const first = await client.execute(UPDATE, { id: acuteAnalyst.id, version, input: { workPreference: 'REMOTE' } });
    const second = await client.execute(UPDATE, { id: acuteAnalyst.id, version, input: { workPreference: 'ON_SITE' } });
    expect(first.errors).toBeUndefined();
    expect(errorCodes(second)).toEqual(['STALE_VERSION']);
    expect((await analystRow(acuteAnalyst.id)).workPreference).toBe('REMOTE');
  });

  it("is FORBIDDEN for another analyst's profile", async () => {
    const result = await update(setup.scenario.users.acuteAnalyst, setup.scenario.analysts.hospiceAnalyst.id, {
      aspirations: [{ skillId: setup.scenario.skills.dashboards.id, targetLevel: 4 }],
    });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });
});

describe("another analyst's aspirations, availability and preferences", () => {
  it('are hidden from a fellow analyst and from the lead of another organisation, but not their skills', async () => {
    const target = setup.scenario.analysts.hospiceAnalyst;
    for (const viewer of [setup.scenario.users.acuteAnalyst, setup.scenario.users.acuteLead]) {
      const result = await (await setup.signIn(viewer)).execute(PERSONAL, { id: target.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.analyst).toMatchObject({ name: target.name, aspirations: null, availabilities: null, sectorsOfInterest: null });
      expect(result.data!.analyst.skills.length).toBeGreaterThan(0);
    }
  });

  it('are visible to the analyst, their home organisation lead and the workforce lead', async () => {
    const target = setup.scenario.analysts.hospiceAnalyst;
    for (const viewer of [setup.scenario.users.hospiceAnalyst, setup.scenario.users.hospiceLead, setup.scenario.users.workforceLead]) {
      const result = await (await setup.signIn(viewer)).execute(PERSONAL, { id: target.id });
      expect(result.data!.analyst.aspirations).not.toBeNull();
      expect(result.data!.analyst.availabilities).not.toBeNull();
    }
  });
});
