import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startInsightApp } from '../fixtures/insight-scenario.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startInsightApp, ({ scenario }) => ({ lead: scenario.users.workforceLead }));

function download(path: string, client: ApiClient | null = setup.clients.lead) {
  return setup.app.yoga.fetch(`http://localhost${path}`, { headers: client ? { cookie: client.cookieHeader() } : {} });
}

async function rows(path: string, client: ApiClient | null = setup.clients.lead): Promise<Record<string, string>[]> {
  const response = await download(path, client);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w-]+\.csv"$/);
  return parse(await response.text(), { columns: true });
}

describe('CSV downloads of the insight reports', () => {
  it('gives the fairness report with the same figures as the API', async () => {
    const span = { startWeek: '2026-12-07', endWeek: '2027-02-22' };
    const api = (
      await setup.clients.lead.execute(
        `query ($startWeek: Date, $endWeek: Date) { fairnessReport(startWeek: $startWeek, endWeek: $endWeek) {
          organisations { organisation { name } weight claim received satisfaction balance creditIn } } }`,
        span,
      )
    ).data!.fairnessReport.organisations;
    const csv = await rows(`/export/fairness.csv?startWeek=${span.startWeek}&endWeek=${span.endWeek}`);
    expect(csv.map((row) => row.organisation)).toEqual(api.map((row: { organisation: { name: string } }) => row.organisation.name));
    csv.forEach((row, index) => {
      expect(row).toMatchObject({ start_week: '2026-12-07', end_week: '2027-02-22', closed: 'no', alpha: '0.4', beta: '0.4', gamma: '0.2' });
      expect(Number(row.weight)).toBe(api[index].weight);
      expect(Number(row.received_fte_weeks)).toBe(api[index].received);
      expect(Number(row.balance_fte_weeks)).toBe(api[index].balance);
    });
  });

  it('gives capacity against demand, every month of every skill, category and organisation, and the forecast', async () => {
    const csv = await rows('/export/capacity-demand.csv?fromMonth=2027-01-01&months=2');
    const statistics = csv.find((row) => row.group === 'skill' && row.name === 'Statistical modelling' && row.month === '2027-01');
    expect(statistics).toMatchObject({ category: 'STATISTICS', min_level: '3', supply_fte: '0.8', demand_fte: '1.2', shortfall_fte: '0.4' });
    expect(csv.filter((row) => row.group === 'skill')).toHaveLength(4 * 2);
    expect(csv.filter((row) => row.group === 'organisation')).toHaveLength(3 * 2);
    expect(csv.filter((row) => row.group === 'forecast').map((row) => row.month)).toContain('2027-Q2');
  });

  it('keeps a name that looks like a spreadsheet formula as text', async () => {
    await setup.database.prisma.organisation.update({ where: { id: setup.scenario.organisations.hospice.id }, data: { name: '=HYPERLINK("x")' } });
    try {
      const csv = await rows('/export/fairness.csv');
      expect(csv.map((row) => row.organisation)).toContain(`'=HYPERLINK("x")`);
    } finally {
      await setup.database.prisma.organisation.update({ where: { id: setup.scenario.organisations.hospice.id }, data: { name: 'St Brigid’s Hospice' } });
    }
  });

  it('needs a signed-in user, and applies the same rules as the API', async () => {
    expect((await download('/export/fairness.csv', null)).status).toBe(401);
    const analyst = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    expect((await download('/export/fairness.csv', analyst)).status).toBe(200);
    const refused = await download('/export/capacity-demand.csv', analyst);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('Capacity and demand are for workforce and organisation leads.');
  });

  it('explains a bad parameter and refuses anything but GET', async () => {
    const bad = await download('/export/capacity-demand.csv?months=40&minLevel=9');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^months: .*\nminLevel: /);
    const backwards = await download('/export/fairness.csv?startWeek=2027-01-04&endWeek=2026-12-07');
    expect(backwards.status).toBe(400);
    const post = await setup.app.yoga.fetch('http://localhost/export/fairness.csv', { method: 'POST', headers: { cookie: setup.clients.lead.cookieHeader() } });
    expect(post.status).toBe(405);
  });
});
