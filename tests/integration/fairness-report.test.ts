import { describe, expect, it } from 'vitest';
import type { OrganisationFairness } from '../../api/src/services/fairness/figures.ts';
import { addAnalystPool } from '../fixtures/ics-scenario.ts';
import { startInsightApp } from '../fixtures/insight-scenario.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(
  () => startInsightApp({ onQuery: () => (statements += 1) }),
  ({ scenario }) => ({ lead: scenario.users.workforceLead }),
);

const REPORT = /* GraphQL */ `
  query ($startWeek: Date, $endWeek: Date) {
    fairnessReport(startWeek: $startWeek, endWeek: $endWeek) {
      startWeek endWeek totalSupply closedPeriodId nextPeriodStart
      policy { alpha beta gamma }
      organisations {
        organisation { name }
        weight entitlement claim received satisfaction contribution balance creditIn creditCarried
      }
      months { month startWeek endWeek organisations { organisation { name } received claim satisfaction } }
    }
  }
`;

/** The figures of one organisation as the API gives them: named rather than by id. */
type Figures = Omit<OrganisationFairness, 'organisationId'> & { organisation: { name: string } };

async function report(variables: Record<string, unknown>, client = setup.clients.lead) {
  const result = await client.execute(REPORT, variables);
  expect(result.errors).toBeUndefined();
  const data = result.data!.fairnessReport;
  const byName = Object.fromEntries((data.organisations as Figures[]).map((row) => [row.organisation.name, row]));
  return { ...data, icb: byName['Riverside ICB']!, hospice: byName['St Brigid’s Hospice']!, acute: byName['Riverside University Hospitals']! };
}

describe('the fairness report', () => {
  it('counts what each organisation gave and received, with the policy weights shown', async () => {
    // 11 weeks, 7 September to 16 November 2026: only the ICB had demand.
    const result = await report({ startWeek: '2026-09-07', endWeek: '2026-11-16' });
    expect(result.policy).toEqual({ alpha: 0.4, beta: 0.4, gamma: 0.2 });
    // Allocatable pooled FTE × 11 weeks: Chloe 0.4; Aisha 0.3 and Ella 0.2; Ben 0.3 and Dev 0.4.
    expect([result.icb.contribution, result.hospice.contribution, result.acute.contribution]).toEqual([4.4, 5.5, 7.7]);
    expect(result.totalSupply).toBe(17.6);
    // The completed winter review (Aisha 0.2 and Ella 0.1 for 8 weeks) and Dev's 0.3 on the dashboards for 3 weeks;
    // Ben's declined allocation counts for nothing.
    expect(result.icb).toMatchObject({ claim: 3.3, received: 3.3, weight: 1, entitlement: 17.6, satisfaction: 1, balance: 1.1 });
    expect(result.hospice).toMatchObject({ claim: 0, received: 0, weight: 0, satisfaction: null, balance: 5.5, creditCarried: 5.5 });
    expect(result.acute).toMatchObject({ balance: 7.7, creditIn: 0 });
  });

  it('weighs organisations by the engine’s formula: equal share, reciprocity and need', async () => {
    // 12 weeks, 7 December 2026 to 22 February 2027: all three organisations have demand.
    const result = await report({ startWeek: '2026-12-07', endWeek: '2027-02-22' });
    const rows = [result.icb, result.hospice, result.acute];
    // Aisha and Ben are away for three weeks; Chloe is half away in February.
    expect(rows.map((row) => row.contribution)).toEqual([4, 5.1, 7.5]);
    // need = headcount / (1 + own analysts' contracted FTE): 400/2, 180/3, 9000/3.
    const need = [200, 60, 3000];
    const expected = rows.map((row, index) => 0.4 / 3 + (0.4 * row.contribution) / 16.6 + (0.2 * need[index]!) / 3260);
    rows.forEach((row, index) => {
      expect(row.weight).toBeCloseTo(expected[index]!, 5);
      expect(row.entitlement).toBeCloseTo(row.weight * result.totalSupply, 2);
    });
    expect(rows.reduce((sum, row) => sum + row.weight, 0)).toBeCloseTo(1, 5);
    // Claims: dashboards 0.3 × 8 weeks, the hospice's forecast 0.4 × 8, the waiting list 0.8 × 12.
    expect(rows.map((row) => row.claim)).toEqual([2.4, 3.2, 9.6]);
    // Received: Dev 0.3 × 8; Ben 0.4 × 8 and Dev's mistaken 0.2 × 4 for the hospice; Chloe's confirmed 0.4 × 12
    // for the trust (Ella's unconfirmed proposal holds nothing).
    expect(rows.map((row) => row.received)).toEqual([2.4, 4, 4.8]);
    for (const row of rows) {
      expect(row.satisfaction).toBeCloseTo(Math.min(1, row.received / Math.min(row.claim, row.entitlement)), 3);
      expect(row.balance).toBeCloseTo(row.contribution - row.received, 3);
    }
  });

  it('breaks the span into months with the same figures', async () => {
    const result = await report({ startWeek: '2026-12-07', endWeek: '2027-02-22' });
    expect(result.months.map((m: { month: string; startWeek: string; endWeek: string }) => [m.month, m.startWeek, m.endWeek])).toEqual([
      ['2026-12', '2026-12-07', '2026-12-28'],
      ['2027-01', '2027-01-04', '2027-01-25'],
      ['2027-02', '2027-02-01', '2027-02-22'],
    ]);
    const receivedByAcute = result.months.map(
      (month: { organisations: Figures[] }) => month.organisations.find((row) => row.organisation.name === 'Riverside University Hospitals')!.received,
    );
    expect(receivedByAcute).toEqual([1.6, 1.6, 1.6]);
  });

  it('covers the open period to the end of this quarter by default', async () => {
    const result = await report({});
    expect(result.startWeek).toBe('2026-10-05');
    expect(result.endWeek).toBe('2026-12-28');
    expect(result.nextPeriodStart).toBeNull();
  });

  it('is open to every organisation lead and analyst of the ICS, and to no one else', async () => {
    const expected = await report({ startWeek: '2026-12-07', endWeek: '2027-02-22' });
    for (const user of [setup.scenario.users.hospiceLead, setup.scenario.users.acuteLead, setup.scenario.users.hospiceAnalyst]) {
      const client = await setup.signIn(user);
      expect((await report({ startWeek: '2026-12-07', endWeek: '2027-02-22' }, client)).organisations).toEqual(expected.organisations);
    }
    const anonymous = await new ApiClient(setup.app.yoga).execute(REPORT, {});
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(expected.organisations.map((row: Figures) => row.organisation.name)).not.toContain('Hillside ICB');
  });

  it('rejects a span that ends before it starts or runs past two years', async () => {
    for (const variables of [
      { startWeek: '2027-01-04', endWeek: '2026-12-07' },
      { startWeek: '2026-01-05', endWeek: '2028-12-25' },
    ]) {
      const result = await setup.clients.lead.execute(REPORT, variables);
      expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
      expect(result.errors![0]!.extensions!.fields![0]!.path).toEqual(['endWeek']);
    }
  });

  it('costs the same number of SQL statements however many analysts and months', async () => {
    statements = 0;
    await report({ startWeek: '2026-12-07', endWeek: '2027-01-25' });
    const before = statements;
    await addAnalystPool(setup.database.prisma, setup.scenario, 30);
    statements = 0;
    await report({ startWeek: '2026-01-05', endWeek: '2027-06-28' });
    expect(statements).toBe(before);
    // One of them checks whether a kept copy of the report is still current (report-cache.ts).
    expect(before).toBeLessThanOrEqual(3);
  });
});
