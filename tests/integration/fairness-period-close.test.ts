import { describe, expect, it } from 'vitest';
import { carriedCreditByOrganisation } from '../../api/src/services/fairness/carried-credit.ts';
import { startInsightApp } from '../fixtures/insight-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startInsightApp, ({ scenario }) => ({ lead: scenario.users.workforceLead }));

const CLOSE = /* GraphQL */ `
  mutation ($startWeek: Date!, $endWeek: Date!) {
    closeFairnessPeriod(startWeek: $startWeek, endWeek: $endWeek) {
      id startWeek endWeek closedAt closedByName policy { alpha beta gamma }
    }
  }
`;

const REPORT = /* GraphQL */ `
  query ($startWeek: Date, $endWeek: Date) {
    fairnessReport(startWeek: $startWeek, endWeek: $endWeek) {
      closedPeriodId nextPeriodStart
      organisations { organisation { name } weight received contribution balance creditIn creditCarried }
    }
  }
`;

const PERIODS = /* GraphQL */ `query { fairnessPeriods { id startWeek endWeek closedByName } }`;

async function counts() {
  const { prisma } = setup.database;
  return {
    periods: await prisma.fairnessPeriod.count(),
    balances: await prisma.fairnessPeriodBalance.count(),
    audits: await prisma.auditEvent.count({ where: { action: 'fairnessPeriod.close' } }),
  };
}

const names = (credit: Map<string, number>) =>
  Object.fromEntries(
    [...credit].map(([id, value]) => [Object.values(setup.scenario.organisations).find((organisation) => organisation.id === id)!.name, value]),
  );

describe('closing a fairness period', () => {
  it('is for workforce leads only', async () => {
    for (const user of [setup.scenario.users.hospiceLead, setup.scenario.users.hospiceAnalyst]) {
      const client = await setup.signIn(user);
      const result = await client.execute(CLOSE, { startWeek: '2026-09-07', endWeek: '2026-11-16' });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    }
    expect(await counts()).toEqual({ periods: 0, balances: 0, audits: 0 });
  });

  it('refuses a period whose last week is not over yet, or that ends before it starts', async () => {
    for (const variables of [
      { startWeek: '2026-09-07', endWeek: '2026-11-23' },
      { startWeek: '2026-09-07', endWeek: '2026-08-31' },
    ]) {
      const result = await setup.clients.lead.execute(CLOSE, variables);
      expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
      expect(result.errors![0]!.extensions!.fields![0]!.path).toEqual(['endWeek']);
    }
    expect(await counts()).toEqual({ periods: 0, balances: 0, audits: 0 });
  });

  it('writes nothing when any part of the close fails', async () => {
    const { prisma } = setup.database;
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_close_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse_close_audit BEFORE INSERT ON "AuditEvent"
      FOR EACH ROW WHEN (NEW.action = 'fairnessPeriod.close') EXECUTE FUNCTION refuse_close_audit()`);
    try {
      const result = await setup.clients.lead.execute(CLOSE, { startWeek: '2026-09-07', endWeek: '2026-11-16' });
      expect(result.errors).toHaveLength(1);
      expect(await counts()).toEqual({ periods: 0, balances: 0, audits: 0 });
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER refuse_close_audit ON "AuditEvent"');
      await prisma.$executeRawUnsafe('DROP FUNCTION refuse_close_audit()');
    }
  });

  it('freezes every organisation’s balance once, with an audit event, even when two leads close at the same moment', async () => {
    const expected = (await setup.clients.lead.execute(REPORT, { startWeek: '2026-09-07', endWeek: '2026-11-16' })).data!.fairnessReport;
    const second = await setup.signIn(setup.scenario.users.workforceLead);
    const results = await Promise.all([
      setup.clients.lead.execute(CLOSE, { startWeek: '2026-09-07', endWeek: '2026-11-16' }),
      second.execute(CLOSE, { startWeek: '2026-09-09', endWeek: '2026-11-18' }),
    ]);
    const closed = results.filter((result) => !result.errors);
    expect(closed).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(['INVALID_TRANSITION']);
    expect(closed[0]!.data!.closeFairnessPeriod).toMatchObject({
      startWeek: '2026-09-07',
      endWeek: '2026-11-16',
      closedAt: '2026-11-23T09:00:00.000Z',
      closedByName: 'Wendy Lau',
      policy: { alpha: 0.4, beta: 0.4, gamma: 0.2 },
    });
    expect(await counts()).toEqual({ periods: 1, balances: 3, audits: 1 });

    const frozen = (await setup.clients.lead.execute(REPORT, { startWeek: '2026-09-07', endWeek: '2026-11-16' })).data!.fairnessReport;
    expect(frozen.closedPeriodId).toBe(closed[0]!.data!.closeFairnessPeriod.id);
    expect(frozen.organisations).toEqual(expected.organisations);
    expect(frozen.nextPeriodStart).toBe('2026-11-23');
  });

  it('keeps the frozen figures when the data behind them changes later', async () => {
    const { prisma } = setup.database;
    const completed = (await prisma.allocation.findMany({ where: { status: 'COMPLETED' }, select: { id: true } })).map(({ id }) => id);
    await prisma.allocation.updateMany({ where: { id: { in: completed } }, data: { status: 'WITHDRAWN' } });
    const frozen = (await setup.clients.lead.execute(REPORT, { startWeek: '2026-09-07', endWeek: '2026-11-16' })).data!.fairnessReport;
    const icb = frozen.organisations.find((row: { organisation: { name: string } }) => row.organisation.name === 'Riverside ICB');
    expect(icb).toMatchObject({ received: 3.3, balance: 1.1 });
    await prisma.allocation.updateMany({ where: { id: { in: completed } }, data: { status: 'COMPLETED' } });
  });

  it('carries each giver’s surplus into the next matching policy as credit', async () => {
    // Given − received over the closed 11 weeks: the ICB 4.4 − 3.3, the hospice 5.5 − 0, the trust 7.7 − 0.
    expect(names(await carriedCreditByOrganisation(setup.database.prisma, setup.scenario.ics.id))).toEqual({
      'Riverside ICB': 1.1,
      'St Brigid’s Hospice': 5.5,
      'Riverside University Hospitals': 7.7,
    });
    const next = (await setup.clients.lead.execute(REPORT, { startWeek: '2026-12-07', endWeek: '2027-02-22' })).data!.fairnessReport;
    expect(next.organisations.map((row: { creditIn: number }) => row.creditIn)).toEqual([1.1, 7.7, 5.5]);
    expect(names(await carriedCreditByOrganisation(setup.database.prisma, setup.scenario.otherIcs.ics.id))).toEqual({});
  });

  it('refuses to close weeks that are already closed', async () => {
    for (const variables of [
      { startWeek: '2026-11-09', endWeek: '2026-11-16' },
      { startWeek: '2026-08-03', endWeek: '2026-08-24' },
    ]) {
      const result = await setup.clients.lead.execute(CLOSE, variables);
      expect(errorCodes(result)).toEqual(['INVALID_TRANSITION']);
      expect(result.errors![0]!.message).toContain('the next period must start on or after 2026-11-23');
    }
    expect(await counts()).toEqual({ periods: 1, balances: 3, audits: 1 });
    const periods = (await setup.clients.lead.execute(PERIODS)).data!.fairnessPeriods;
    expect(periods).toEqual([{ id: expect.any(String), startWeek: '2026-09-07', endWeek: '2026-11-16', closedByName: 'Wendy Lau' }]);
  });
});
