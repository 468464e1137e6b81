import { beforeAll, describe, expect, it, vi } from 'vitest';
import { anonymiseDueLeavers, pseudonymOf } from '../../api/src/services/privacy/retention.ts';
import { startAllocationScheduler } from '../../api/src/services/scheduler.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { addLeaverScenario, PAST_SPAN, type LeaverScenario } from '../fixtures/leaver-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

const setup = useScenarioApp(() => startScenarioApp(), ({ scenario: { users } }) => ({ workforceLead: users.workforceLead }));

const FAIRNESS = /* GraphQL */ `
  query ($startWeek: Date, $endWeek: Date) {
    fairnessReport(startWeek: $startWeek, endWeek: $endWeek) {
      totalSupply
      organisations { organisation { id } entitlement claim received satisfaction contribution balance }
    }
  }
`;

const UTILISATION = /* GraphQL */ `
  query ($fromMonth: Date) {
    utilisation(fromMonth: $fromMonth, months: 3) {
      organisations { organisation { id } months { month allocated allocatable pooled contracted } }
    }
  }
`;

const PLACEMENTS = /* GraphQL */ `
  query ($fromWeek: Date, $toWeek: Date) {
    developmentPlacements(fromWeek: $fromWeek, toWeek: $toWeek) {
      total byBand { band placements } byOrganisation { organisationId placements analystsPlaced }
    }
  }
`;

async function reports() {
  const client = setup.clients.workforceLead;
  const results = await Promise.all([
    client.execute(FAIRNESS, PAST_SPAN),
    client.execute(UTILISATION, { fromMonth: PAST_SPAN.startWeek }),
    client.execute(PLACEMENTS, { fromWeek: PAST_SPAN.startWeek, toWeek: PAST_SPAN.endWeek }),
  ]);
  for (const result of results) expect(result.errors).toBeUndefined();
  return results.map((result) => result.data);
}

/** Every text, varchar, text[] and JSON column of every table holding `needle`, in any letter case. */
async function columnsHolding(needle: string): Promise<string[]> {
  const { prisma } = setup.database;
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await prisma.$queryRawUnsafe<{ hits: number }[]>(
      `SELECT count(*)::int AS hits FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
      needle,
    );
    if (row!.hits > 0) found.push(`${table}.${column}`);
  }
  return found;
}

let leavers: LeaverScenario;
let reportsBefore: unknown;
let fingerprintAfterFirstPass: string;

beforeAll(async () => {
  leavers = await addLeaverScenario(setup.database.prisma, setup.scenario);
  await setup.signIn(leavers.priya.user);
  reportsBefore = await reports();
  // The scheduler runs the retention pass at start-up.
  const stop = startAllocationScheduler(setup.database.prisma, { now: () => TEST_TODAY, retentionMonthsAfterLeaving: 24, intervalMs: 3_600_000 });
  try {
    await vi.waitFor(
      async () => expect((await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: leavers.priya.analyst.id } })).anonymisedAt).not.toBeNull(),
      { timeout: 10_000 },
    );
  } finally {
    stop();
  }
  fingerprintAfterFirstPass = await databaseFingerprint(setup.database.prisma);
});

describe('retention of a leaver’s personal data', () => {
  it('replaces the name and email of a leaver past the period and removes what described them', async () => {
    const { prisma } = setup.database;
    const { id } = leavers.priya.analyst;
    const pseudonym = pseudonymOf(id);

    const analyst = await prisma.analyst.findUniqueOrThrow({
      where: { id },
      include: { aspirations: true, availabilities: true, interests: true, skills: true, user: { include: { sessions: true } } },
    });

    expect(analyst).toMatchObject({
      name: `Former analyst ${id.slice(0, 8).toUpperCase()}`,
      email: `former-analyst-${id}@anonymised.invalid`,
      workPreference: 'HYBRID',
      sectorsOfInterest: [],
      calendarSecretHash: null,
      targetRoleProfileId: null,
      aspirations: [],
      availabilities: [],
      interests: [],
      anonymisedAt: TEST_TODAY,
    });
    expect(analyst.skills.map((skill) => skill.level)).toEqual([3]);
    expect(analyst.user).toMatchObject({ name: pseudonym.name, email: pseudonym.email, disabled: true, sessions: [] });
    expect(analyst.user!.passwordHash).not.toBe(leavers.priya.user.passwordHash);
    const feedback = await prisma.feedback.findUniqueOrThrow({ where: { allocationId: leavers.allocations.priyaCompleted.id } });
    expect(feedback).toMatchObject({ rating: 5, comment: '' });
  });

  it('no longer lets the leaver sign in, with the old or the new email', async () => {
    for (const email of [leavers.priya.user.email, pseudonymOf(leavers.priya.analyst.id).email]) {
      const result = await new ApiClient(setup.app.yoga).execute(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
        { email, password: 'Riverside-pool-2026' },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('leaves no trace of the name or email in any text or JSON column', async () => {
    expect(await columnsHolding('Priya Shah')).toEqual([]);
    expect(await columnsHolding(leavers.priya.analyst.email)).toEqual([]);
    expect(await columnsHolding('caring for her mother')).toEqual([]);
  });

  it('keeps what the leaver did, under the pseudonym, and the explanations readable', async () => {
    const { prisma } = setup.database;
    const { priyaCompleted, benCompleted } = leavers.allocations;
    const name = pseudonymOf(leavers.priya.analyst.id).name;

    const kept = await prisma.allocation.findUniqueOrThrow({ where: { id: priyaCompleted.id } });
    const ben = await prisma.allocation.findUniqueOrThrow({ where: { id: benCompleted.id } });
    const request = await prisma.request.findUniqueOrThrow({ where: { id: leavers.request.id } });

    expect(kept).toMatchObject({ fte: priyaCompleted.fte, startWeek: priyaCompleted.startWeek, endWeek: priyaCompleted.endWeek, status: 'COMPLETED' });
    expect(ben.explanation).toMatchObject({ nextCandidate: { analystName: name, reason: `${name} has no time left in March.` } });
    expect(request.description).toBe(`Picks up the model ${name} started.`);
  });

  it('gives the same fairness, utilisation and development figures for past periods', async () => {
    const [fairness] = reportsBefore as [{ fairnessReport: { organisations: { organisation: { id: string }; received: number }[] } }];
    const hospice = fairness.fairnessReport.organisations.find(({ organisation }) => organisation.id === setup.scenario.organisations.hospice.id);
    // 13 weeks of Priya's 0.4, Ben's 0.2 and Quentin's 0.1 FTE on the hospice's 2024 demand model.
    expect(hospice!.received).toBeCloseTo(13 * 0.7);
    expect(await reports()).toEqual(reportsBefore);
  });

  it('keeps the audit trail of who did what, without the leaver’s details, and records the anonymisation', async () => {
    const { prisma } = setup.database;
    const { id } = leavers.priya.analyst;

    const aboutHer = await prisma.auditEvent.findMany({ where: { entityType: 'Analyst', entityId: id }, orderBy: { createdAt: 'asc' } });
    const decline = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'allocation.decline' } });

    expect(aboutHer.map(({ action, actorId, before, after }) => ({ action, actorId, before, after }))).toEqual([
      { action: 'analyst.profile.update', actorId: setup.scenario.users.hospiceLead.id, before: null, after: null },
      { action: 'analyst.anonymise', actorId: null, before: null, after: { leftAt: '2024-08-30', monthsAfterLeaving: 24 } },
    ]);
    expect(decline.after).toEqual({ status: 'DECLINED' });
  });

  it('keeps a leaver within the period as they are', async () => {
    const { prisma } = setup.database;
    const { quentin } = leavers;

    const analyst = await prisma.analyst.findUniqueOrThrow({ where: { id: quentin.analyst.id }, include: { aspirations: true, user: true } });

    expect(analyst).toMatchObject({ name: 'Quentin Hale', email: quentin.analyst.email, anonymisedAt: null, sectorsOfInterest: ['HOSPICE'] });
    expect(analyst.aspirations).toHaveLength(1);
    expect(analyst.user).toMatchObject({ name: 'Quentin Hale', disabled: false });
  });

  it('changes nothing when it runs again', async () => {
    const again = await anonymiseDueLeavers(setup.database.prisma, { monthsAfterLeaving: 24, now: TEST_TODAY });

    expect(again.anonymised).toEqual([]);
    expect(await databaseFingerprint(setup.database.prisma)).toBe(fingerprintAfterFirstPass);
  });
});
