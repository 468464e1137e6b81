import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../api/src/db/client.ts';
import { addAnalystPool } from '../fixtures/ics-scenario.ts';
import { startInsightApp } from '../fixtures/insight-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(
  () => startInsightApp({ onQuery: () => (statements += 1) }),
  ({ scenario }) => ({ lead: scenario.users.workforceLead }),
);

const CAPACITY = /* GraphQL */ `
  query ($fromMonth: Date, $months: Int, $minLevel: Int, $organisationId: ID, $category: SkillCategory) {
    capacityDemand(fromMonth: $fromMonth, months: $months, minLevel: $minLevel, organisationId: $organisationId, category: $category) {
      startWeek endWeek minLevel
      months { label start weeks }
      skills { group key label category cells { bucket supply demand pipeline shortfall } }
      categories { key label cells { bucket supply demand shortfall } }
      organisations { key label cells { bucket supply demand shortfall } }
      singlePointsOfFailure { name holders }
      forecast { startWeek endWeek quarters { label weeks } skills { label cells { bucket supply demand pipeline shortfall } } }
    }
  }
`;

async function report(variables: Record<string, unknown>, client = setup.clients.lead) {
  const result = await client.execute(CAPACITY, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.capacityDemand;
}

type Row = { label: string; cells: { bucket: string; supply: number; demand: number; shortfall: number }[] };
const cell = (rows: Row[], label: string, bucket: string) => rows.find((row) => row.label === label)!.cells.find((c) => c.bucket === bucket)!;

/**
 * Supply and demand per skill and month computed another way: rows fetched with the Prisma client and
 * walked day by day in integer hundredths, instead of the service's single SQL statement.
 */
async function independentHeatmap(prisma: PrismaClient, icsId: string, from: string, until: string, minLevel: number) {
  const [skills, analysts, requests] = await Promise.all([
    prisma.skill.findMany({ where: { icsId } }),
    prisma.analyst.findMany({ where: { icsId, status: 'ACTIVE' }, include: { skills: true, availabilities: true } }),
    prisma.request.findMany({
      where: { icsId, status: { in: ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE'] } },
      include: { skills: true },
    }),
  ]);
  const hundredths = (value: { toNumber(): number }) => Math.round(value.toNumber() * 100);
  const totals = new Map<string, { supply: number; demand: number; weeks: number }>();
  for (let day = new Date(`${from}T00:00:00Z`); day < new Date(`${until}T00:00:00Z`); day = new Date(day.getTime() + 86_400_000)) {
    if (day.getUTCDay() !== 1) continue;
    const month = day.toISOString().slice(0, 7);
    for (const skill of skills) {
      const key = `${skill.name}|${month}`;
      const total = totals.get(key) ?? { supply: 0, demand: 0, weeks: 0 };
      total.weeks += 1;
      for (const analyst of analysts) {
        if (!analyst.skills.some((held) => held.skillId === skill.id && held.level >= minLevel)) continue;
        const fractions = analyst.availabilities.filter((a) => a.startWeek <= day && a.endWeek >= day).map((a) => hundredths(a.availableFraction));
        const fraction = fractions.length ? Math.min(...fractions) : 100;
        const product = hundredths(analyst.pooledFte) * (100 - hundredths(analyst.protectedDevelopmentShare)) * fraction;
        total.supply += Math.floor(product / 100_000);
      }
      for (const request of requests) {
        if (request.startWeek > day || request.endWeek < day) continue;
        if (request.skills.some((needed) => needed.skillId === skill.id && needed.kind === 'REQUIRED')) total.demand += hundredths(request.fte) / 10;
      }
      totals.set(key, total);
    }
  }
  return new Map([...totals].map(([key, total]) => [key, { supply: total.supply / 10 / total.weeks, demand: total.demand / 10 / total.weeks }]));
}

describe('capacity against demand', () => {
  it('matches an independent computation from the raw tables, cell by cell', async () => {
    for (const minLevel of [2, 3]) {
      const result = await report({ fromMonth: '2026-11-01', months: 5, minLevel });
      const expected = await independentHeatmap(setup.database.prisma, setup.scenario.ics.id, '2026-11-01', '2027-04-01', minLevel);
      const cells = (result.skills as Row[]).flatMap((row) => row.cells.map((c) => ({ key: `${row.label}|${c.bucket}`, ...c })));
      expect(cells).toHaveLength(4 * 5);
      for (const { key, supply, demand, shortfall } of cells) {
        expect(expected.get(key), key).toBeDefined();
        expect(supply, `supply ${key}`).toBeCloseTo(expected.get(key)!.supply, 3);
        expect(demand, `demand ${key}`).toBeCloseTo(expected.get(key)!.demand, 3);
        expect(shortfall).toBeCloseTo(demand - supply, 3);
      }
    }
  });

  it('counts Practitioners by default: statistics runs short in January and more so while Chloe is half away', async () => {
    const result = await report({ fromMonth: '2026-12-15', months: 3 });
    expect(result.minLevel).toBe(3);
    expect(result.months.map((m: { label: string; weeks: number }) => [m.label, m.weeks])).toEqual([
      ['2026-12', 4],
      ['2027-01', 4],
      ['2027-02', 4],
    ]);
    expect(result.startWeek).toBe('2026-12-07');
    expect(result.endWeek).toBe('2027-02-22');
    // Chloe 0.5 × 0.9 and Dev 0.6 × 0.8 both round down to 0.4 FTE allocatable.
    expect(cell(result.skills, 'Statistical modelling', '2026-12')).toMatchObject({ supply: 0.8, demand: 0.8, shortfall: 0 });
    // The hospice's forecast (0.4) joins the waiting list model (0.8); the cancelled request counts nowhere.
    expect(cell(result.skills, 'Statistical modelling', '2027-01')).toMatchObject({ supply: 0.8, demand: 1.2, shortfall: 0.4 });
    expect(cell(result.skills, 'Statistical modelling', '2027-02')).toMatchObject({ supply: 0.6, demand: 1.2, shortfall: 0.6 });
    // Only Dev holds dashboards at Practitioner level; the ICB's active request asks 0.3.
    expect(cell(result.skills, 'Dashboard design', '2026-12')).toMatchObject({ supply: 0.4, demand: 0.3, shortfall: -0.1 });
  });

  it('gives no supply from the week of a recorded leaving day on, even before that day comes', async () => {
    const { prisma } = setup.database;
    const dev = setup.insight.analysts.dev;
    await prisma.analyst.update({ where: { id: dev.id }, data: { leftAt: new Date('2027-01-20T00:00:00Z') } });
    try {
      const result = await report({ fromMonth: '2026-12-01', months: 2 });
      // Only Dev holds dashboards at Practitioner level: 0.4 FTE in December, and in January only for the two
      // weeks before the week of 18 January.
      expect(cell(result.skills, 'Dashboard design', '2026-12')).toMatchObject({ supply: 0.4 });
      expect(cell(result.skills, 'Dashboard design', '2027-01')).toMatchObject({ supply: 0.2 });
    } finally {
      await prisma.analyst.update({ where: { id: dev.id }, data: { leftAt: null } });
    }
  });

  it('counts each analyst and request once per category and reports each organisation whatever the skills', async () => {
    const result = await report({ fromMonth: '2027-01-01', months: 1 });
    // Statistics category = the one statistics skill here.
    expect(cell(result.categories, 'STATISTICS', '2027-01')).toMatchObject({ supply: 0.8, demand: 1.2 });
    // ICB: Chloe's 0.4 allocatable against its dashboards request (0.3 until 25 January).
    expect(cell(result.organisations, 'Riverside ICB', '2027-01')).toMatchObject({ supply: 0.4, demand: 0.3 });
    // Acute trust: Ben 0.4 × 0.9 → 0.3 (on leave the week of 4 January) and Dev 0.4, against the waiting list 0.8.
    expect(cell(result.organisations, 'Riverside University Hospitals', '2027-01')).toMatchObject({ supply: 0.625, demand: 0.8 });
  });

  it('names skills held by only one or two Practitioners as single points of failure', async () => {
    const result = await report({});
    expect(result.singlePointsOfFailure).toEqual([
      { name: 'Dashboard design', holders: ['Dev Patel'] },
      { name: 'Geospatial analysis', holders: ['Chloe Dunn'] },
      { name: 'Statistical modelling', holders: ['Chloe Dunn', 'Dev Patel'] },
    ]);
  });

  it('forecasts the next two quarters from the requests submitted so far', async () => {
    const { forecast } = await report({});
    expect(forecast.quarters).toEqual([
      { label: '2027-Q1', weeks: 13 },
      { label: '2027-Q2', weeks: 13 },
    ]);
    const statistics = forecast.skills.find((row: Row) => row.label === 'Statistical modelling');
    // Waiting list 0.8 × 8 weeks and the hospice's forecast 0.4 × 13 weeks, over 13 weeks: all still waiting.
    expect(statistics.cells[0]).toMatchObject({ bucket: '2027-Q1', demand: 0.892, pipeline: 0.892 });
    expect(statistics.cells[1]).toMatchObject({ bucket: '2027-Q2', demand: 0, pipeline: 0 });
  });

  it('forecasts each quarter as the weeks-weighted average of its months', async () => {
    type Figures = { bucket: string; supply: number; demand: number; pipeline: number };
    type FiguresRow = { label: string; cells: Figures[] };
    // The months of the first half of 2027 cover exactly the forecast's two quarters, leave and bookings included.
    const result = await report({ fromMonth: '2027-01-01', months: 6 });
    const weeks = new Map<string, number>(result.months.map((month: { label: string; weeks: number }) => [month.label, month.weeks]));
    const quarterOf = (label: string) => `${label.slice(0, 4)}-Q${Math.floor((Number(label.slice(5)) - 1) / 3) + 1}`;
    for (const row of result.skills as FiguresRow[]) {
      const forecast = (result.forecast.skills as FiguresRow[]).find((candidate) => candidate.label === row.label)!;
      for (const quarter of forecast.cells) {
        const months = row.cells.filter((month) => quarterOf(month.bucket) === quarter.bucket);
        const weighted = (figure: 'supply' | 'demand' | 'pipeline') =>
          months.reduce((sum, month) => sum + month[figure] * weeks.get(month.bucket)!, 0) / months.reduce((sum, month) => sum + weeks.get(month.bucket)!, 0);
        expect(months).toHaveLength(3);
        expect(quarter.supply, `${row.label} ${quarter.bucket}`).toBeCloseTo(weighted('supply'), 2);
        expect(quarter.demand, `${row.label} ${quarter.bucket}`).toBeCloseTo(weighted('demand'), 2);
        expect(quarter.pipeline, `${row.label} ${quarter.bucket}`).toBeCloseTo(weighted('pipeline'), 2);
      }
    }
  });

  it('still lists the months, organisations and quarters for a category no skill belongs to', async () => {
    const result = await report({ fromMonth: '2027-01-01', months: 2, category: 'HEALTH_ECONOMICS' });
    expect(result.skills).toEqual([]);
    expect(result.categories).toEqual([]);
    expect(result.singlePointsOfFailure).toEqual([]);
    expect(result.months.map((month: { label: string }) => month.label)).toEqual(['2027-01', '2027-02']);
    expect(result.organisations.length).toBeGreaterThan(0);
    expect(result.forecast.quarters.map((quarter: { label: string }) => quarter.label)).toEqual(['2027-Q1', '2027-Q2']);
    expect(result.forecast.skills).toEqual([]);
  });

  it('narrows to one organisation or one category when asked', async () => {
    const acute = await report({ fromMonth: '2026-12-01', months: 1, organisationId: setup.scenario.organisations.acuteTrust.id });
    expect(cell(acute.skills, 'Statistical modelling', '2026-12')).toMatchObject({ supply: 0.4, demand: 0.8 });
    expect(acute.organisations.map((row: Row) => row.label)).toEqual(['Riverside University Hospitals']);
    // Within the trust, Dev alone holds dashboards and statistics at Practitioner level, Ben alone SQL.
    expect(acute.singlePointsOfFailure.map((skill: { name: string }) => skill.name)).toEqual(['Dashboard design', 'SQL', 'Statistical modelling']);

    const statistics = await report({ fromMonth: '2026-12-01', months: 1, category: 'STATISTICS' });
    expect(statistics.skills.map((row: Row) => row.label)).toEqual(['Statistical modelling']);
    expect(statistics.categories.map((row: Row) => row.label)).toEqual(['STATISTICS']);
  });

  it('keeps to the viewer’s ICS', async () => {
    const result = await report({});
    expect(result.skills.map((row: Row) => row.label).sort()).toEqual(['Dashboard design', 'Geospatial analysis', 'SQL', 'Statistical modelling']);
    expect(result.organisations.map((row: Row) => row.label)).not.toContain('Hillside ICB');
  });

  it('is for leads: organisation leads may read it, analysts are refused', async () => {
    const organisationLead = await setup.signIn(setup.scenario.users.hospiceLead);
    expect((await report({}, organisationLead)).skills).toHaveLength(4);
    const analyst = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const refused = await analyst.execute(CAPACITY, {});
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
  });

  it('rejects a bad window or level with the field at fault', async () => {
    for (const [variables, field] of [
      [{ months: 30 }, 'months'],
      [{ months: 0 }, 'months'],
      [{ minLevel: 5 }, 'minLevel'],
      [{ organisationId: 'acute' }, 'organisationId'],
    ] as const) {
      const result = await setup.clients.lead.execute(CAPACITY, variables);
      expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
      expect(result.errors![0]!.extensions!.fields!.map((issue) => issue.path.join('.'))).toEqual([field]);
    }
  });

  it('costs the same number of SQL statements however many analysts and months', async () => {
    statements = 0;
    await report({ months: 2 });
    const before = statements;
    await addAnalystPool(setup.database.prisma, setup.scenario, 30);
    statements = 0;
    await report({ months: 12 });
    expect(statements).toBe(before);
    // One of them checks whether a kept copy of the report is still current (report-cache.ts).
    expect(before).toBeLessThanOrEqual(6);
  });
});
