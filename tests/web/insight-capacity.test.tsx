// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { CapacityPage } from '../../web/src/pages/insight/CapacityPage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const options: Answer = { data: { me: { id: 'user-1', role: 'ORGANISATION_LEAD' }, organisations: { edges: [{ node: { id: 'org-acute', name: 'Riverside University Hospitals' } }] } } };

const cells = (values: [number, number][]) =>
  values.map(([supply, demand], index) => ({ bucket: ['2026-12', '2027-01'][index]!, supply, demand, shortfall: Math.round((demand - supply) * 1000) / 1000 }));

const report = (skills: unknown[]): Answer => ({
  data: {
    capacityDemand: {
      startWeek: '2026-12-07',
      endWeek: '2027-01-25',
      minLevel: 3,
      months: [{ label: '2026-12' }, { label: '2027-01' }],
      skills,
      categories: [{ key: 'STATISTICS', label: 'STATISTICS', cells: cells([[0.8, 0.8], [0.8, 1.2]]) }],
      organisations: [{ key: 'org-acute', label: 'Riverside University Hospitals', cells: cells([[0.7, 0.8], [0.6, 0.8]]) }],
      singlePointsOfFailure: [{ skillId: 'skill-geo', name: 'Geospatial analysis', holders: ['Chloe Dunn'] }],
      forecast: {
        startWeek: '2027-01-04',
        endWeek: '2027-06-28',
        quarters: [{ label: '2027-Q1' }, { label: '2027-Q2' }],
        skills: [{ key: 'skill-stats', label: 'Statistical modelling', cells: [
          { bucket: '2027-Q1', supply: 0.7, demand: 0.892, shortfall: 0.192 },
          { bucket: '2027-Q2', supply: 0.8, demand: 0, shortfall: -0.8 },
        ] }],
      },
    },
  },
});

const statistics = { key: 'skill-stats', label: 'Statistical modelling', cells: cells([[0.8, 0.8], [0.8, 1.2]]) };
const dashboards = { key: 'skill-dash', label: 'Dashboard design', cells: cells([[0.4, 0.3], [0.4, 0.3]]) };

/** A cell's own text, without the column name a responsive table repeats inside it for narrow screens. */
function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.nhsuk-table-responsive__heading').forEach((heading) => heading.remove());
  return copy.textContent ?? '';
}

function open(answer: Answer, url = '/insight/capacity') {
  const client = mockClient({ CapacityDemand: answer, InsightFilterOptions: options });
  renderPage(<CapacityPage />, { client, url });
  return client;
}

describe('capacity and demand page', () => {
  it('says it is loading while the report is on its way', () => {
    open('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading capacity and demand…');
  });

  it('shows the server’s refusal', () => {
    open({ error: new CombinedError({ graphQLErrors: [new GraphQLError('Capacity and demand are for workforce and organisation leads.')] }) });
    expect(within(screen.getByRole('alert')).getByText('Capacity and demand are for workforce and organisation leads.')).toBeTruthy();
  });

  it('draws the shortfall heatmap and gives the same numbers in a table', () => {
    open(report([dashboards, statistics]));
    const heatmap = screen.getByRole('img', { name: /Heatmap of shortfall by skill and month at 3 Practitioner or above/ });
    expect(within(heatmap).getByText('+0.4')).toBeTruthy();
    expect(within(heatmap).getAllByText('−0.1')).toHaveLength(2);
    // The cells sit right of the skill names and below the month names, never over them.
    const cellsOffset = /translate\((\d+(?:\.\d+)?), (\d+)\)/.exec(heatmap.querySelector('g.visx-group')?.getAttribute('transform') ?? '');
    const nameEnd = Number(within(heatmap).getByText('Statistical modelling').getAttribute('x'));
    expect(Number(cellsOffset?.[1])).toBeGreaterThan(nameEnd);
    expect(Number(cellsOffset?.[2])).toBeGreaterThan(Number(within(heatmap).getByText('Dec 2026').getAttribute('y')));

    const table = screen.getByRole('table', { name: 'Supply and demand by skill, in FTE' });
    const rows = within(table).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map(cellText));
    expect(rows[0]).toEqual(['Skill', 'December 2026', 'January 2027']);
    expect(rows[1]).toEqual(['Dashboard design', '0.1 FTE sparesupply 0.4, demand 0.3', '0.1 FTE sparesupply 0.4, demand 0.3']);
    expect(rows[2]).toEqual(['Statistical modelling', 'Balancedsupply 0.8, demand 0.8', '0.4 FTE shortsupply 0.8, demand 1.2']);
  });

  it('names single points of failure, categories, organisations and the forecast', () => {
    open(report([statistics]));
    expect(screen.getByText('Geospatial analysis').closest('li')?.textContent).toBe('Geospatial analysis: Chloe Dunn');
    expect(within(screen.getByRole('table', { name: 'Supply and demand by skill category, in FTE' })).getByText('Statistics')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Each organisation’s pooled analysts against its own requests, in FTE' })).toBeTruthy();
    const forecast = screen.getByRole('table', { name: 'Forecast supply and demand by skill, in FTE' });
    expect(within(forecast).getByRole('columnheader', { name: 'Jan to Mar 2027' })).toBeTruthy();
    expect(within(forecast).getByText('0.19 FTE short')).toBeTruthy();
  });

  it('says so when no skill matches the filters', () => {
    open(report([]));
    expect(screen.getByText('No skills match these filters.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('takes its filters from the URL, offers them as a CSV download and applies new ones', () => {
    const client = open(report([statistics]), '/insight/capacity?from=2026-12&months=3&level=2&category=STATISTICS&organisation=org-acute');
    expect(lastVariables(client, 'CapacityDemand')).toEqual({
      fromMonth: '2026-12-01',
      months: 3,
      minLevel: 2,
      category: 'STATISTICS',
      organisationId: 'org-acute',
    });
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(
      '/export/capacity-demand.csv?fromMonth=2026-12-01&months=3&minLevel=2&category=STATISTICS&organisationId=org-acute',
    );

    fireEvent.change(screen.getByLabelText('Lowest level that counts'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Skill category'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(lastVariables(client, 'CapacityDemand')).toEqual({
      fromMonth: '2026-12-01',
      months: 3,
      minLevel: 4,
      category: null,
      organisationId: 'org-acute',
    });
  });
});
