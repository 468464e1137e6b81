import { describe, expect, it } from 'vitest';
import { addAnalystPool } from '../fixtures/ics-scenario.ts';
import { startInsightApp } from '../fixtures/insight-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(
  () => startInsightApp({ onQuery: () => (statements += 1) }),
  ({ scenario }) => ({ lead: scenario.users.workforceLead }),
);

const UTILISATION = /* GraphQL */ `
  query ($fromMonth: Date, $months: Int, $organisationId: ID) {
    utilisation(fromMonth: $fromMonth, months: $months, organisationId: $organisationId) {
      startWeek endWeek months
      analysts {
        analyst { name } organisation { name }
        months { month contracted pooled allocatable allocated overCapacityWeeks }
        overCapacityWeeks lastDevelopmentWeek noDevelopmentIn12Months
      }
      organisations { organisation { name } analystCount overCapacityAnalysts analystsWithoutDevelopment months { month pooled allocated } }
    }
  }
`;

interface AnalystRow {
  analyst: { name: string };
  months: { month: string; contracted: number; pooled: number; allocatable: number; allocated: number; overCapacityWeeks: number }[];
  overCapacityWeeks: number;
  lastDevelopmentWeek: string | null;
  noDevelopmentIn12Months: boolean;
}

async function utilisation(variables: Record<string, unknown>, client = setup.clients.lead) {
  const result = await client.execute(UTILISATION, variables);
  expect(result.errors).toBeUndefined();
  const data = result.data!.utilisation;
  return { ...data, byName: Object.fromEntries((data.analysts as AnalystRow[]).map((row) => [row.analyst.name, row])) };
}

describe('utilisation', () => {
  it('sets allocated against pooled and contracted FTE month by month', async () => {
    const { months, byName } = await utilisation({ fromMonth: '2026-12-01', months: 2 });
    expect(months).toEqual(['2026-12', '2027-01']);
    expect(byName['Dev Patel']!.months[0]).toEqual({ month: '2026-12', contracted: 1, pooled: 0.6, allocatable: 0.4, allocated: 0.3, overCapacityWeeks: 0 });
    // Chloe's confirmed proposal holds her time; Ella's unconfirmed one does not.
    expect(byName['Chloe Dunn']!.months[0]).toMatchObject({ allocatable: 0.4, allocated: 0.4 });
    expect(byName['Ella Grant']!.months[0]).toMatchObject({ pooled: 0.2, allocated: 0 });
    // Aisha is on leave the last two weeks of December.
    expect(byName['Aisha Khan']!.months[0]).toMatchObject({ pooled: 0.2, allocatable: 0.15 });
  });

  it('flags anyone booked above their allocatable pooled time', async () => {
    const { analysts, organisations, byName } = await utilisation({ fromMonth: '2026-12-01', months: 2 });
    // Dev: 0.3 on the dashboards and 0.2 on the hospice's forecast against 0.4 allocatable, all four weeks of January.
    expect(byName['Dev Patel']!.months[1]).toMatchObject({ allocated: 0.5, overCapacityWeeks: 4 });
    expect(byName['Dev Patel']!.overCapacityWeeks).toBe(4);
    // Ben's 0.4 on the hospice's forecast exceeds his 0.3 allocatable (0.4 pooled less 10 % protected), and he
    // is on leave the week of 4 January: over in all four January weeks too.
    expect(byName['Ben Okafor']!.months[1]).toMatchObject({ allocatable: 0.225, allocated: 0.4, overCapacityWeeks: 4 });
    expect((analysts as AnalystRow[]).filter((row) => row.overCapacityWeeks > 0).map((row) => row.analyst.name)).toEqual(['Ben Okafor', 'Dev Patel']);
    const acute = organisations.find((row: { organisation: { name: string } }) => row.organisation.name === 'Riverside University Hospitals');
    expect(acute).toMatchObject({ analystCount: 2, overCapacityAnalysts: 2 });
  });

  it('flags anyone without a development placement in the last 12 months', async () => {
    const { analysts, byName } = await utilisation({});
    expect(byName['Ella Grant']).toMatchObject({ lastDevelopmentWeek: '2026-10-26', noDevelopmentIn12Months: false });
    expect((analysts as AnalystRow[]).filter((row) => row.noDevelopmentIn12Months).map((row) => row.analyst.name).sort()).toEqual([
      'Aisha Khan',
      'Ben Okafor',
      'Chloe Dunn',
      'Dev Patel',
    ]);
  });

  it('shows an organisation lead only their own organisation’s analysts', async () => {
    const hospiceLead = await setup.signIn(setup.scenario.users.hospiceLead);
    const own = await utilisation({}, hospiceLead);
    expect(Object.keys(own.byName).sort()).toEqual(['Aisha Khan', 'Ella Grant']);
    expect(own.organisations.map((row: { organisation: { name: string } }) => row.organisation.name)).toEqual(['St Brigid’s Hospice']);
    const other = await hospiceLead.execute(UTILISATION, { organisationId: setup.scenario.organisations.acuteTrust.id });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('refuses analysts, and keeps workforce leads to their own ICS', async () => {
    const analyst = await setup.signIn(setup.scenario.users.acuteAnalyst);
    expect(errorCodes(await analyst.execute(UTILISATION, {}))).toEqual(['FORBIDDEN']);
    const { byName } = await utilisation({});
    expect(byName['Aaron Hill']).toBeUndefined();
    expect(Object.keys(byName)).toHaveLength(5);
  });

  it('costs the same number of SQL statements however many analysts and months', async () => {
    statements = 0;
    await utilisation({ months: 1 });
    const before = statements;
    await addAnalystPool(setup.database.prisma, setup.scenario, 30);
    statements = 0;
    const { analysts } = await utilisation({ months: 12 });
    expect(analysts).toHaveLength(35);
    expect(statements).toBe(before);
    // One of them checks whether a kept copy of the report is still current (report-cache.ts).
    expect(before).toBeLessThanOrEqual(4);
  });
});
