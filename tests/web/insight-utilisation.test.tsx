// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UtilisationPage } from '../../web/src/pages/insight/UtilisationPage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const acute = { id: 'org-acute', name: 'Riverside University Hospitals' };
const month = (name: string, allocated: number, overCapacityWeeks = 0) => ({
  month: name,
  contracted: 1,
  pooled: 0.6,
  allocatable: 0.4,
  allocated,
  overCapacityWeeks,
});

function report(analysts: unknown[]): Answer {
  return {
    data: {
      utilisation: {
        startWeek: '2026-12-07',
        endWeek: '2027-01-25',
        months: ['2026-12', '2027-01'],
        analysts,
        organisations: [
          {
            organisation: acute,
            analystCount: analysts.length,
            overCapacityAnalysts: 1,
            analystsWithoutDevelopment: 1,
            months: [month('2026-12', 0.3), month('2027-01', 0.5)],
          },
        ],
      },
    },
  };
}

const dev = {
  analyst: { id: 'a-dev', name: 'Dev Patel' },
  organisation: acute,
  months: [month('2026-12', 0.3), month('2027-01', 0.5, 4)],
  overCapacityWeeks: 4,
  lastDevelopmentWeek: null,
  noDevelopmentIn12Months: true,
};
const ella = {
  analyst: { id: 'a-ella', name: 'Ella Grant' },
  organisation: acute,
  months: [month('2026-12', 0), month('2027-01', 0)],
  overCapacityWeeks: 0,
  lastDevelopmentWeek: '2026-10-26',
  noDevelopmentIn12Months: false,
};

const options = (role: string): Answer => ({
  data: { me: { id: 'user-1', role }, organisations: { edges: [{ node: acute }, { node: { id: 'org-icb', name: 'Riverside ICB' } }] } },
});

function open(answer: Answer, url = '/insight/utilisation', role = 'WORKFORCE_LEAD') {
  const client = mockClient({ Utilisation: answer, InsightFilterOptions: options(role) });
  renderPage(<UtilisationPage />, { client, url });
  return client;
}

describe('utilisation page', () => {
  it('says it is loading while the report is on its way', () => {
    open('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading utilisation…');
  });

  it('says when there is nobody to show', () => {
    open(report([]));
    expect(screen.getByText('There are no analysts to show.')).toBeTruthy();
  });

  it('flags anyone over capacity or without development, in words', () => {
    open(report([dev, ella]));
    expect(screen.getByText('Booked above their allocatable pooled time: Dev Patel (4 weeks).')).toBeTruthy();
    expect(screen.getByText('No development placement in the last 12 months: 1 analyst.')).toBeTruthy();
    const analysts = screen.getByRole('table', { name: 'By analyst: allocated of allocatable FTE' });
    const devRow = within(analysts).getByText('Dev Patel').closest('tr')!;
    expect(within(devRow).getByText(/Over capacity 4 weeks/)).toBeTruthy();
    expect(within(devRow).getByText(/None in 12 months/)).toBeTruthy();
    const ellaRow = within(analysts).getByText('Ella Grant').closest('tr')!;
    expect(within(ellaRow).getByText('Week of 26 October 2026')).toBeTruthy();
  });

  it('sums the months in a chart with a table of the same numbers', () => {
    open(report([dev, ella]));
    expect(screen.getByRole('img', { name: /Bar chart of contracted, pooled, allocatable and allocated FTE by month/ })).toBeTruthy();
    const totals = screen.getByRole('table', { name: 'Totals by month, in FTE' });
    const january = within(totals).getByText('January 2027').closest('tr')!;
    expect([...january.querySelectorAll('td')].map((cell) => cell.lastChild?.textContent)).toEqual(['1', '0.6', '0.4', '0.5']);
  });

  it('takes its months from the URL and applies new ones', () => {
    const client = open(report([dev]), '/insight/utilisation?from=2026-12&months=3');
    expect(lastVariables(client, 'Utilisation')).toEqual({ fromMonth: '2026-12-01', months: 3, organisationId: null });
    fireEvent.change(screen.getByLabelText('Months shown'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'org-icb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(lastVariables(client, 'Utilisation')).toEqual({ fromMonth: '2026-12-01', months: 12, organisationId: 'org-icb' });
  });

  it('offers no organisation choice to an organisation lead, who sees their own organisation only', () => {
    open(report([dev]), '/insight/utilisation', 'ORGANISATION_LEAD');
    expect(screen.getByLabelText('Months shown')).toBeTruthy();
    expect(screen.queryByLabelText('Organisation')).toBeNull();
  });
});
