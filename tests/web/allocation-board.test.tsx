// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getOperationName } from 'urql';
import { describe, expect, it } from 'vitest';
import { ProposalsBoard } from '../../web/src/pages/allocations/ProposalsBoard.tsx';
import { lastVariables, mockClient, renderPage, serverError, type Answer } from './support/render.tsx';

const hospice = { id: 'org-hospice', name: 'St Aidan’s Hospice' };
const council = { id: 'org-council', name: 'Ashburn City Council' };
const acute = { id: 'org-acute', name: 'North Dales Teaching Hospitals' };
const run = { id: 'run-1', createdAt: '2026-11-20T10:00:00.000Z' };

function proposal(id: string, analystName: string, request: { id: string; title: string; organisation: typeof hospice }, overrides: Record<string, unknown> = {}) {
  return {
    node: {
      id,
      fte: 0.3,
      startWeek: '2026-11-30',
      endWeek: '2027-01-25',
      kind: 'STANDARD',
      status: 'PROPOSED',
      confirmed: false,
      awaitingParties: [],
      requesterDecision: 'PENDING',
      releaseDecision: 'PENDING',
      analystDecision: 'PENDING',
      analyst: { id: `analyst-${id}`, name: analystName, organisation: acute },
      request,
      run,
      explanation: { summary: `${analystName} fits best.` },
      ...overrides,
    },
  };
}

const dashboards = { id: 'request-dashboards', title: 'Bereavement dashboards', organisation: hospice };
const housing = { id: 'request-housing', title: 'Housing needs model', organisation: council };

const board = (edges: unknown[]): Answer => ({
  data: { allocations: { totalCount: edges.length, pageInfo: { hasNextPage: false, endCursor: null }, edges } },
});

function openBoard(answers: Record<string, Answer>, url = '/allocations') {
  const client = mockClient(answers);
  renderPage(<ProposalsBoard />, { client, url });
  return client;
}

describe('proposals board', () => {
  it('groups proposals by request, each with analyst, time, weeks, kind and the reason', () => {
    openBoard({
      ProposalsBoard: board([
        proposal('a', 'Ravi Patel', dashboards),
        proposal('b', 'Jo Lee', housing, { kind: 'DEVELOPMENT', run: null, explanation: null }),
        proposal('c', 'Ann Wood', dashboards),
      ]),
    });

    const groups = screen.getAllByRole('region').filter((region) => region.getAttribute('aria-labelledby')?.startsWith('request-'));
    expect(groups.map((group) => within(group).getByRole('heading').textContent)).toEqual([
      'St Aidan’s Hospice – Bereavement dashboards',
      'Ashburn City Council – Housing needs model',
    ]);
    expect(within(groups[0]!).getAllByRole('link', { name: /^(Ravi Patel|Ann Wood)$/ }).map((link) => link.getAttribute('href'))).toEqual([
      '/allocations/a',
      '/allocations/c',
    ]);
    const housingRow = within(groups[1]!).getAllByRole('row')[1]!;
    expect(housingRow.textContent).toContain('0.3 FTE a week, 30 November 2026 to 25 January 2027 (9 weeks)');
    expect(housingRow.textContent).toContain('Development placement');
    expect(housingRow.textContent).toContain('No matching explanation.');
    expect(housingRow.textContent).toContain('Proposed by hand');
    expect(within(groups[0]!).getAllByRole('row')[1]!.textContent).toContain('From the matching run of 20 November 2026');
    expect(housingRow.textContent).toContain('Waiting for the workforce lead to confirm');
  });

  it('asks only for unconfirmed proposals at first, and for the chosen stage and run after', async () => {
    const client = openBoard({ ProposalsBoard: board([]) }, '/allocations?run=run-1');
    expect(lastVariables(client, 'ProposalsBoard')).toEqual({ first: 50, after: null, filter: { status: 'PROPOSED', runId: 'run-1', confirmed: false } });
    expect(screen.getByText('There are no proposals waiting for you to confirm.')).toBeTruthy();

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Show'), 'Confirmed, waiting for the parties');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(lastVariables(client, 'ProposalsBoard')).toEqual({ first: 50, after: null, filter: { status: 'PROPOSED', runId: 'run-1', confirmed: true } }),
    );
  });

  it('confirms every proposal of a run at once and says how many were confirmed', async () => {
    const client = openBoard({
      ProposalsBoard: board([proposal('a', 'Ravi Patel', dashboards), proposal('c', 'Ann Wood', dashboards)]),
      ConfirmAllocations: { data: { confirmAllocations: [{ id: 'a' }, { id: 'c' }].map((row) => ({ ...row, version: 2, status: 'PROPOSED', confirmed: true, confirmedAt: '2026-11-25T10:00:00Z', awaitingParties: ['REQUESTER'] })) } },
    });

    await userEvent.setup().click(screen.getByRole('button', { name: 'Confirm every proposal of the run of 20 November 2026' }));

    const confirmations = client.executeMutation.mock.calls.filter(([request]) => getOperationName(request.query) === 'ConfirmAllocations');
    expect(confirmations.map(([request]) => request.variables)).toEqual([{ input: { runId: 'run-1' } }]);
    await waitFor(() => expect(screen.getByText(/^2 proposals confirmed\./)).toBeTruthy());
  });

  it('names every analyst without the time when confirming a run fails, with their weeks', async () => {
    const week = (remainingFte: number) => [{ week: '2026-11-30', remainingFte, requestedFte: 0.3 }];
    openBoard({
      ProposalsBoard: board([proposal('a', 'Ravi Patel', dashboards), proposal('c', 'Ann Wood', dashboards)]),
      ConfirmAllocations: serverError('ANALYST_OVER_CAPACITY', 'Ann Wood does not have the time: … Ravi Patel does not have the time: …', {
        weeks: [...week(0.1), ...week(0.2)],
        analysts: [
          { analyst: 'Ann Wood', weeks: week(0.1) },
          { analyst: 'Ravi Patel', weeks: week(0.2) },
        ],
      }),
    });

    await userEvent.setup().click(screen.getByRole('button', { name: 'Confirm every proposal of the run of 20 November 2026' }));

    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).parentElement as HTMLElement;
    expect(within(summary).getByText('Ann Wood does not have the time')).toBeTruthy();
    expect(within(summary).getByText('Week of 30 November 2026: 0.1 FTE left, 0.3 FTE asked')).toBeTruthy();
    expect(within(summary).getByText('Ravi Patel does not have the time')).toBeTruthy();
    expect(within(summary).getByText('Week of 30 November 2026: 0.2 FTE left, 0.3 FTE asked')).toBeTruthy();
  });

  it('offers one confirm button per unconfirmed proposal and a change link while nobody has decided', () => {
    openBoard({
      ProposalsBoard: board([
        proposal('a', 'Ravi Patel', dashboards),
        proposal('c', 'Ann Wood', dashboards, { confirmed: true, awaitingParties: ['RELEASE'], requesterDecision: 'ACCEPTED' }),
      ]),
    });

    expect(screen.getByRole('button', { name: 'Confirm Ravi Patel' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm Ann Wood' })).toBeNull();
    expect(screen.getByRole('link', { name: "Change Ravi Patel's proposal" }).getAttribute('href')).toBe('/allocations/a/edit');
    expect(screen.queryByRole('link', { name: "Change Ann Wood's proposal" })).toBeNull();
    expect(screen.getByText('Waiting for: home organisation lead (release)')).toBeTruthy();
  });
});
