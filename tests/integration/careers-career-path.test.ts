import { describe, expect, it } from 'vitest';
import { startCareersApp } from '../fixtures/careers-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startCareersApp({ onQuery: () => (statements += 1) }));

const CREATE_ROLE = /* GraphQL */ `
  mutation ($input: RoleProfileInput!) { createRoleProfile(input: $input) { id name band version requirements { level skill { id } } } }
`;
const UPDATE_ROLE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: RoleProfileInput!) {
    updateRoleProfile(id: $id, version: $version, input: $input) { id name version requirements { level skill { id } } }
  }
`;
const CAREER_PATH = /* GraphQL */ `
  query ($analystId: ID) {
    careerPath(analystId: $analystId) {
      analystName readiness targetRole { name band }
      gaps { skillName requiredLevel currentLevel evidencedLevel gap }
      closingOpportunities { requestId kind }
      history { skillName fromLevel toLevel evidencedByName requestTitle rating comment }
    }
  }
`;
const GIVE_FEEDBACK = 'mutation ($input: GiveFeedbackInput!) { giveFeedback(input: $input) }';

describe('role profiles', () => {
  it('are created and updated by a workforce lead, versioned and audited', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const input = {
      name: 'Data scientist, band 8a',
      band: 'BAND_8A',
      description: 'Builds and validates predictive models.',
      requirements: [{ skillId: setup.scenario.skills.statistics.id, level: 4 }],
    };
    const created = await lead.execute(CREATE_ROLE, { input });
    expect(created.errors).toBeUndefined();
    const role = created.data!.createRoleProfile;
    expect(role).toMatchObject({ name: input.name, band: 'BAND_8A', version: 1, requirements: [{ level: 4, skill: { id: setup.scenario.skills.statistics.id } }] });

    const changed = { ...input, requirements: [...input.requirements, { skillId: setup.scenario.skills.sql.id, level: 3 }] };
    const updated = await lead.execute(UPDATE_ROLE, { id: role.id, version: 1, input: changed });
    expect(updated.data!.updateRoleProfile.version).toBe(2);
    expect(updated.data!.updateRoleProfile.requirements).toHaveLength(2);
    expect(errorCodes(await lead.execute(UPDATE_ROLE, { id: role.id, version: 1, input }))).toEqual(['STALE_VERSION']);

    const audits = await setup.database.prisma.auditEvent.findMany({ where: { entityType: 'RoleProfile', entityId: role.id }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((audit) => audit.action)).toEqual(['roleProfile.create', 'roleProfile.update']);
  });

  it('refuse a duplicate name or a bad requirement with field paths, and anyone but a workforce lead', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const bad = await lead.execute(CREATE_ROLE, {
      input: {
        name: setup.scenario.roleProfiles.seniorAnalyst.name,
        band: 'BAND_7',
        description: '',
        requirements: [
          { skillId: setup.scenario.skills.sql.id, level: 5 },
          { skillId: setup.scenario.skills.sql.id, level: 2 },
        ],
      },
    });
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors![0]!.extensions!.fields!.map((issue) => issue.path.join('.'))).toEqual([
      'input.name',
      'input.requirements.0.level',
      'input.requirements.1.skillId',
    ]);

    const orgLead = await setup.signIn(setup.scenario.users.hospiceLead);
    const refused = await orgLead.execute(CREATE_ROLE, { input: { name: 'Analyst, band 5', band: 'BAND_5', description: '', requirements: [] } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(await setup.database.prisma.roleProfile.count({ where: { name: 'Analyst, band 5' } })).toBe(0);
  });
});

describe('career path and evidenced progress', () => {
  it('shows the gap to the target role and the opportunities that would close it', async () => {
    const result = await (await setup.signIn(setup.scenario.users.hospiceAnalyst)).execute(CAREER_PATH);
    expect(result.errors).toBeUndefined();
    expect(result.data!.careerPath).toEqual({
      analystName: 'Aisha Khan',
      readiness: 0.5,
      targetRole: { name: 'Senior analyst, band 7', band: 'BAND_7' },
      gaps: [
        { skillName: 'Statistical modelling', requiredLevel: 3, currentLevel: 2, evidencedLevel: null, gap: 1 },
        { skillName: 'SQL', requiredLevel: 3, currentLevel: 3, evidencedLevel: null, gap: 0 },
      ],
      // The SQL extract uses only SQL, already at the level the role asks for.
      closingOpportunities: [{ requestId: setup.careers.requests.frailtyModel.id, kind: 'DEVELOPMENT' }],
      history: [],
    });
  });

  it("after completed work, the requesting lead's feedback evidences a level that closes the gap and shows in the history", async () => {
    const analystId = setup.scenario.analysts.hospiceAnalyst.id;
    const allocation = await setup.database.prisma.allocation.create({
      data: {
        icsId: setup.scenario.ics.id,
        analystId,
        requestId: setup.careers.requests.frailtyModel.id,
        fte: 0.2,
        startWeek: new Date('2026-09-07T00:00:00Z'),
        endWeek: new Date('2026-11-02T00:00:00Z'),
        kind: 'DEVELOPMENT',
        status: 'COMPLETED',
      },
    });
    const requester = await setup.signIn(setup.scenario.users.acuteLead);
    const due = await requester.execute('{ feedbackDue { allocationId analystName skills { skillName } } }');
    expect(due.data!.feedbackDue).toEqual([
      { allocationId: allocation.id, analystName: 'Aisha Khan', skills: [{ skillName: 'SQL' }, { skillName: 'Statistical modelling' }] },
    ]);

    const notRequester = await (await setup.signIn(setup.scenario.users.hospiceLead)).execute(GIVE_FEEDBACK, {
      input: { allocationId: allocation.id, rating: 5, comment: 'Great' },
    });
    expect(errorCodes(notRequester)).toEqual(['FORBIDDEN']);
    const badEvidence = await requester.execute(GIVE_FEEDBACK, {
      input: { allocationId: allocation.id, rating: 6, comment: 'Great', evidence: { skillId: setup.scenario.skills.dashboards.id, level: 3 } },
    });
    expect(badEvidence.errors![0]!.extensions!.fields!.map((issue) => issue.path.join('.'))).toEqual(['input.rating', 'input.evidence.skillId']);
    expect(await setup.database.prisma.feedback.count()).toBe(0);

    const { version } = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: analystId } });
    const given = await requester.execute(GIVE_FEEDBACK, {
      input: {
        allocationId: allocation.id,
        rating: 5,
        comment: 'Built a well-validated model.',
        evidence: { skillId: setup.scenario.skills.statistics.id, level: 3 },
      },
    });
    expect(given.errors).toBeUndefined();
    expect(await setup.database.prisma.analystSkill.findUniqueOrThrow({ where: { analystId_skillId: { analystId, skillId: setup.scenario.skills.statistics.id } } })).toMatchObject({
      level: 3,
      evidencedLevel: 3,
      lastEvidencedAt: new Date('2026-11-23T00:00:00Z'),
    });
    expect((await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: analystId } })).version).toBe(version + 1);
    expect(await setup.database.prisma.auditEvent.count({ where: { action: 'feedback.give', entityId: allocation.id } })).toBe(1);
    expect(errorCodes(await requester.execute(GIVE_FEEDBACK, { input: { allocationId: allocation.id, rating: 4, comment: '' } }))).toEqual([
      'INVALID_TRANSITION',
    ]);
    expect((await requester.execute('{ feedbackDue { allocationId } }')).data!.feedbackDue).toEqual([]);

    const path = (await (await setup.signIn(setup.scenario.users.hospiceAnalyst)).execute(CAREER_PATH)).data!.careerPath;
    expect(path.readiness).toBe(1);
    expect(path.gaps[0]).toMatchObject({ skillName: 'SQL', gap: 0 });
    expect(path.closingOpportunities).toEqual([]);
    expect(path.history).toEqual([
      {
        skillName: 'Statistical modelling',
        fromLevel: 2,
        toLevel: 3,
        evidencedByName: setup.scenario.users.acuteLead.name,
        requestTitle: 'Frailty risk model',
        rating: 5,
        comment: 'Built a well-validated model.',
      },
    ]);
  });

  it("is FORBIDDEN to another analyst and to another organisation's lead, so feedback stays private", async () => {
    for (const viewer of [setup.scenario.users.acuteAnalyst, setup.scenario.users.acuteLead]) {
      const result = await (await setup.signIn(viewer)).execute(CAREER_PATH, { analystId: setup.scenario.analysts.hospiceAnalyst.id });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.text).not.toContain('well-validated');
    }
    const lead = await (await setup.signIn(setup.scenario.users.hospiceLead)).execute(CAREER_PATH, { analystId: setup.scenario.analysts.hospiceAnalyst.id });
    expect(lead.data!.careerPath.history).toHaveLength(1);
  });

  it('costs the same number of SQL statements however long the history', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    statements = 0;
    await client.execute(CAREER_PATH);
    const before = statements;
    await setup.database.prisma.skillEvidence.createMany({
      data: Array.from({ length: 8 }, (_, index) => ({
        icsId: setup.scenario.ics.id,
        analystId: setup.scenario.analysts.hospiceAnalyst.id,
        skillId: setup.scenario.skills.dashboards.id,
        toLevel: 1 + (index % 4),
        evidencedById: setup.scenario.users.acuteLead.id,
      })),
    });
    statements = 0;
    const result = await client.execute(CAREER_PATH);
    expect(result.data!.careerPath.history).toHaveLength(9);
    expect(statements).toBe(before);
  });
});
