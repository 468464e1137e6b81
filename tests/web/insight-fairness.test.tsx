// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError, getOperationName } from 'urql';
import { describe, expect, it } from 'vitest';
import { FairnessPage } from '../../web/src/pages/insight/FairnessPage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const icb = { id: 'org-icb', name: 'Riverside ICB' };
const hospice = { id: 'org-hospice', name: 'St Brigid’s Hospice' };

const row = (organisation: typeof icb, figures: Partial<Record<string, number | null>>) => ({
  organisation,
  weight: 0.5,
  entitlement: 8.3,
  claim: 2.4,
  received: 2.4,
  satisfaction: 1,
  contribution: 4,
  balance: 1.6,
  creditIn: 0,
  ...figures,
});

function page(role: string, overrides: Record<string, unknown> = {}, periods: unknown[] = []): Answer {
  return {
    data: {
      me: { id: 'user-1', role },
      fairnessReport: {
        startWeek: '2026-09-07',
        endWeek: '2026-11-16',
        totalSupply: 16.6,
        closedPeriodId: null,
        nextPeriodStart: null,
        policy: { alpha: 0.4, beta: 0.4, gamma: 0.2 },
        organisations: [row(icb, {}), row(hospice, { weight: 0.5, claim: 0, received: 0, satisfaction: null, balance: 5.5, creditIn: 1.2 })],
        months: [
          { month: '2026-09', organisations: [{ organisation: icb, satisfaction: 1 }, { organisation: hospice, satisfaction: null }] },
          { month: '2026-10', organisations: [{ organisation: icb, satisfaction: 0.75 }, { organisation: hospice, satisfaction: null }] },
        ],
        ...overrides,
      },
      fairnessPeriods: periods,
    },
  };
}

function open(answer: Answer, url = '/insight/fairness', close: Answer = { data: { closeFairnessPeriod: { id: 'p1', startWeek: '2026-09-07', endWeek: '2026-11-16' } } }) {
  const client = mockClient({ FairnessPage: answer, CloseFairnessPeriod: close });
  renderPage(<FairnessPage />, { client, url });
  return client;
}

const mutations = (client: ReturnType<typeof mockClient>) =>
  client.executeMutation.mock.calls.filter(([request]) => getOperationName(request.query) === 'CloseFairnessPeriod').map(([request]) => request.variables);

describe('fairness page', () => {
  it('says it is loading while the report is on its way', () => {
    open('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading the fairness report…');
  });

  it('shows every organisation’s figures with the policy weights, a chart and its table', () => {
    open(page('ORGANISATION_LEAD'));
    expect(screen.getByText(/Policy weights: equal share 0.4, reciprocity 0.4, need 0.2/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Fairness by organisation, in FTE-weeks' });
    const hospiceRow = within(table).getByText('St Brigid’s Hospice').closest('tr')!;
    expect(within(hospiceRow).getByText('No requests')).toBeTruthy();
    expect(within(hospiceRow).getByText('+5.5')).toBeTruthy();
    expect(within(hospiceRow).getByText('1.2')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Line chart of each organisation’s satisfaction by month/ })).toBeTruthy();
    const byMonth = screen.getByRole('table', { name: 'Satisfaction by month' });
    expect(within(within(byMonth).getByText('Riverside ICB').closest('tr')!).getByText('75%')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe('/export/fairness.csv?startWeek=2026-09-07&endWeek=2026-11-16');
  });

  it('offers the period close to workforce leads only', () => {
    open(page('ORGANISATION_LEAD'));
    expect(screen.queryByRole('heading', { name: 'Close a period' })).toBeNull();
  });

  it('does not offer to close a period that is already closed, and lists closed periods', () => {
    open(page('WORKFORCE_LEAD', { closedPeriodId: 'p1' }, [
      { id: 'p1', startWeek: '2026-09-07', endWeek: '2026-11-16', closedAt: '2026-11-23T09:00:00.000Z', closedByName: 'Wendy Lau' },
    ]));
    expect(screen.getByText(/a closed period: these figures are frozen/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Close a period' })).toBeNull();
    const periods = screen.getByRole('table', { name: 'Closed periods, latest first' });
    expect(within(periods).getByRole('link', { name: '7 September 2026 to 16 November 2026' }).getAttribute('href')).toBe(
      '/insight/fairness?start=2026-09-07&end=2026-11-16',
    );
  });

  it('asks before closing, closes on yes, and says so', async () => {
    const client = open(page('WORKFORCE_LEAD'), '/insight/fairness?start=2026-09-07&end=2026-11-16');
    expect(lastVariables(client, 'FairnessPage')).toEqual({ startWeek: '2026-09-07', endWeek: '2026-11-16' });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(mutations(client)).toEqual([]);
    const question = screen.getByText(/will be frozen and their credit carried into the next matching runs/);
    // Keyboard and screen reader users land on the question, not somewhere above it.
    expect(question.closest('[tabindex="-1"]')).toBe(document.activeElement);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, close the period' }));
    await waitFor(() => expect(screen.getByText('The period from 7 September 2026 to 16 November 2026 is closed.')).toBeTruthy());
    expect(mutations(client)).toEqual([{ startWeek: '2026-09-07', endWeek: '2026-11-16' }]);
  });

  it('goes back without closing when the lead says no', () => {
    const client = open(page('WORKFORCE_LEAD'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'No, go back' }));
    expect(mutations(client)).toEqual([]);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
  });

  it('shows a refusal in an error summary linked to the field', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Invalid input', { extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['endWeek'], message: 'A period can be closed only once its last week is over.' }] } }),
      ],
    });
    open(page('WORKFORCE_LEAD'), '/insight/fairness', { error: refusal });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, close the period' }));
    const summary = await screen.findByRole('heading', { name: 'There is a problem' });
    const link = within(summary.closest('.nhsuk-error-summary') as HTMLElement).getByRole('link', { name: 'A period can be closed only once its last week is over.' });
    expect(link.getAttribute('href')).toBe('#close-end');
    expect(screen.getByLabelText(/Last week/).getAttribute('aria-describedby')).toContain('close-end--error-message');
  });
});
