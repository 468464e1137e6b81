// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getOperationName } from 'urql';
import { describe, expect, it } from 'vitest';
import { AllocationPage } from '../../web/src/pages/allocations/AllocationPage.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { mockClient, renderPage, serverError, type Answer, type MockClient } from './support/render.tsx';

const hospice = { id: 'org-hospice', name: 'St Aidan’s Hospice' };
const acute = { id: 'org-acute', name: 'North Dales Teaching Hospitals' };

function allocation(overrides: Record<string, unknown> = {}) {
  return {
    id: 'allocation-1',
    version: 3,
    status: 'PROPOSED',
    kind: 'STANDARD',
    fte: 0.4,
    startWeek: '2026-11-23',
    endWeek: '2027-01-18',
    confirmed: true,
    requesterDecision: 'PENDING',
    releaseDecision: 'PENDING',
    analystDecision: 'PENDING',
    declineReason: null,
    viewerParties: ['REQUESTER'],
    awaitingParties: ['REQUESTER', 'RELEASE', 'ANALYST'],
    analyst: { id: 'analyst-ravi', name: 'Ravi Patel', jobTitle: 'Senior analyst', organisation: acute },
    request: { id: 'request-1', title: 'Bereavement dashboards', organisation: hospice, project: { id: 'project-1', title: 'Family support' } },
    run: { id: 'run-1', createdAt: '2026-11-20T10:00:00.000Z' },
    mentor: null,
    explanation: {
      summary: 'Ravi Patel has SQL at Expert and the most free time.',
      rank: 1,
      candidateCount: 4,
      interest: true,
      skills: [{ skillId: 'skill-sql', skillName: 'SQL', kind: 'REQUIRED', wantedLevel: 3, analystLevel: 4, fit: 'ABOVE' }],
      fairness: { text: 'St Aidan’s Hospice was below its fair share.' },
      nextCandidate: { analystName: 'Jo Lee', reason: 'Jo Lee has less free time.' },
      development: null,
    },
    ...overrides,
  };
}

const ics = { id: 'ics-north-dales', name: 'North Dales Integrated Care System' };

function openAllocation(answers: Record<string, Answer>, role = 'ORGANISATION_LEAD') {
  const client = mockClient({ Me: { data: { me: { id: 'user-1', name: 'Helen Marsh', role, organisation: hospice, analyst: null, ics } } }, ...answers });
  renderPage(
    <SessionProvider>
      <AllocationPage />
    </SessionProvider>,
    { client, url: '/allocations/allocation-1', route: '/allocations/:id' },
  );
  return client;
}

function mutationCalls(client: MockClient, name: string) {
  return client.executeMutation.mock.calls.filter(([request]) => getOperationName(request.query) === name).map(([request]) => request.variables);
}

describe('allocation page', () => {
  it('keeps a heading while loading and says when the allocation is not visible', () => {
    openAllocation({ Allocation: 'pending' });
    expect(screen.getByRole('heading', { level: 1, name: 'Allocation' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the allocation…');
  });

  it('says the allocation was not found when the API returns null', () => {
    openAllocation({ Allocation: { data: { allocation: null } } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Allocation not found');
  });

  it('shows the proposal, who has decided and why the engine chose the analyst', () => {
    openAllocation({ Allocation: { data: { allocation: allocation() } } });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('St Aidan’s Hospice – Ravi Patel for Bereavement dashboards');
    expect(screen.getByText('0.4 FTE a week')).toBeTruthy();
    expect(screen.getByText('23 November 2026 to 18 January 2027 (9 weeks)')).toBeTruthy();
    const decisions = screen.getByRole('table', { name: 'Who has decided' });
    expect(within(decisions).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Requesting organisation leadNot decided yet',
      'Home organisation lead (release)Not decided yet',
      'AnalystNot decided yet',
    ]);
    expect(screen.getByText('Ravi Patel has SQL at Expert and the most free time.')).toBeTruthy();
    expect(screen.getByText('Next candidate, Jo Lee: Jo Lee has less free time.')).toBeTruthy();
    expect(screen.getByRole('table', { name: "How the analyst's skills fit the request" }).textContent).toContain('4 Expert');
  });

  it('asks the requesting lead why they decline, linking the error summary to the reason, and sends nothing', async () => {
    const client = openAllocation({ Allocation: { data: { allocation: allocation() } } });
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: 'No, decline' }));
    await user.click(screen.getByRole('button', { name: 'Send decision' }));

    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const link = within(summary).getByRole('link', { name: 'Enter why you decline' });
    expect(link.getAttribute('href')).toBe('#decision-reason');
    expect(document.activeElement?.contains(summary)).toBe(true);
    expect(document.title).toMatch(/^Error: /);
    expect(screen.getByLabelText('Reason for declining').getAttribute('aria-describedby')).toContain('error');
    expect(mutationCalls(client, 'DecideAllocation')).toEqual([]);
  });

  it('sends the decision with the version it was read at, and says what happens next', async () => {
    const decided = allocation({ requesterDecision: 'ACCEPTED', awaitingParties: ['RELEASE', 'ANALYST'] });
    const client = openAllocation({
      Allocation: { data: { allocation: allocation() } },
      DecideAllocation: { data: { decideAllocation: { allocation: decided, replacement: null } } },
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: 'Yes, accept' }));
    await user.click(screen.getByRole('button', { name: 'Send decision' }));

    expect(mutationCalls(client, 'DecideAllocation')).toEqual([{ id: 'allocation-1', version: 3, decision: 'ACCEPT', reason: null }]);
    await waitFor(() => expect(screen.getByText('You accepted. It now waits for the other parties.')).toBeTruthy());
  });

  it('offers to reload when someone else changed the allocation meanwhile', async () => {
    const client = openAllocation({
      Allocation: { data: { allocation: allocation() } },
      DecideAllocation: serverError('STALE_VERSION', 'Allocation was changed by someone else; reload it and try again.'),
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: 'Yes, accept' }));
    await user.click(screen.getByRole('button', { name: 'Send decision' }));

    const summary = await screen.findByRole('heading', { name: 'There is a problem' });
    expect(summary.parentElement?.textContent).toContain('Someone else changed this allocation');
    const queriesBefore = client.executeQuery.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(client.executeQuery.mock.calls.length).toBeGreaterThan(queriesBefore);
    expect(screen.queryByRole('heading', { name: 'There is a problem' })).toBeNull();
  });

  it('lets the workforce lead confirm a tentative proposal and lists the weeks an analyst has no time in', async () => {
    const weeks = [{ week: '2026-11-30', remainingFte: 0.1, requestedFte: 0.4 }];
    const client = openAllocation({
      Allocation: { data: { allocation: allocation({ confirmed: false, viewerParties: [], awaitingParties: [] }) } },
      ConfirmAllocations: serverError('ANALYST_OVER_CAPACITY', 'Ravi Patel does not have the time: week of 2026-11-30: 0.1 FTE left, 0.4 FTE asked.', {
        weeks,
        analysts: [{ analyst: 'Ravi Patel', weeks }],
      }),
    }, 'WORKFORCE_LEAD');
    const user = userEvent.setup();

    expect(screen.queryByRole('button', { name: 'Send decision' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Change analyst, time or weeks' }).getAttribute('href')).toBe('/allocations/allocation-1/edit');
    await user.click(screen.getByRole('button', { name: 'Confirm this proposal' }));

    expect(mutationCalls(client, 'ConfirmAllocations')).toEqual([{ input: { ids: ['allocation-1'] } }]);
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).parentElement as HTMLElement;
    expect(summary.textContent).toContain('Ravi Patel does not have the time');
    expect(within(summary).getByText('Week of 30 November 2026: 0.1 FTE left, 0.4 FTE asked')).toBeTruthy();
  });

  it('tells the lead who declines that the next best candidate is proposed instead', async () => {
    const declined = allocation({ status: 'DECLINED', requesterDecision: 'DECLINED', declineReason: 'We need someone on site.', awaitingParties: [] });
    const client = openAllocation({
      Allocation: { data: { allocation: allocation() } },
      DecideAllocation: { data: { decideAllocation: { allocation: declined, replacement: { id: 'allocation-2', analyst: { id: 'analyst-jo', name: 'Jo Lee' } } } } },
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: 'No, decline' }));
    await user.type(screen.getByLabelText('Reason for declining'), 'We need someone on site.');
    await user.click(screen.getByRole('button', { name: 'Send decision' }));

    expect(mutationCalls(client, 'DecideAllocation')).toEqual([{ id: 'allocation-1', version: 3, decision: 'DECLINE', reason: 'We need someone on site.' }]);
    await waitFor(() => expect(screen.getByText('You declined. Jo Lee is proposed instead, for the workforce lead to review.')).toBeTruthy());
  });

  it('lets the requesting lead withdraw only with a reason, and not an allocation that is over', async () => {
    const client = openAllocation({
      Allocation: { data: { allocation: allocation({ status: 'ACCEPTED', awaitingParties: [] }) } },
      WithdrawAllocation: { data: { withdrawAllocation: { id: 'allocation-1', version: 4, status: 'WITHDRAWN', declineReason: 'Project paused.', awaitingParties: [], viewerParties: ['REQUESTER'] } } },
    });
    const user = userEvent.setup();

    await user.click(screen.getByText('Withdraw this allocation'));
    await user.click(screen.getByRole('button', { name: 'Withdraw allocation' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Enter why the allocation is withdrawn' }).getAttribute('href')).toBe('#withdraw-reason');
    expect(mutationCalls(client, 'WithdrawAllocation')).toEqual([]);

    await user.type(screen.getByLabelText('Why it is withdrawn'), 'Project paused.');
    await user.click(screen.getByRole('button', { name: 'Withdraw allocation' }));
    expect(mutationCalls(client, 'WithdrawAllocation')).toEqual([{ id: 'allocation-1', version: 3, reason: 'Project paused.' }]);
    await waitFor(() => expect(screen.getByText("Withdrawn. The analyst's time is free again.")).toBeTruthy());
  });

  it('offers no withdrawal to the analyst', () => {
    openAllocation({ Allocation: { data: { allocation: allocation({ viewerParties: ['ANALYST'] }) } } }, 'ANALYST');
    expect(screen.queryByText('Withdraw this allocation')).toBeNull();
  });

  it('offers no withdrawal of an allocation that is over, even to the workforce lead', () => {
    openAllocation({ Allocation: { data: { allocation: allocation({ status: 'COMPLETED', viewerParties: [], awaitingParties: [] }) } } }, 'WORKFORCE_LEAD');
    expect(screen.getByText('Completed')).toBeTruthy();
    expect(screen.queryByText('Withdraw this allocation')).toBeNull();
  });
});
