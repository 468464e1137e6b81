// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, getOperationName } from 'urql';
import { describe, expect, it } from 'vitest';
import { EditProposalPage } from '../../web/src/pages/allocations/EditProposalPage.tsx';
import { ProposePage } from '../../web/src/pages/allocations/ProposePage.tsx';
import { lastVariables, mockClient, renderPage, type Answer, type MockClient } from './support/render.tsx';

const request = {
  id: 'request-1',
  title: 'Bereavement dashboards',
  fte: 0.5,
  startWeek: '2030-01-07',
  endWeek: '2030-03-25',
  status: 'SUBMITTED',
  organisation: { id: 'org-hospice', name: 'St Aidan’s Hospice' },
  requiredSkills: [{ minLevel: 3, skill: { id: 'skill-sql', name: 'SQL' } }],
};

const candidates = [
  { analyst: { id: 'analyst-ravi', name: 'Ravi Patel' }, rank: 1, score: 0.82, kind: 'STANDARD', availableFte: 0.3, explanation: 'Expert in SQL.' },
  { analyst: { id: 'analyst-jo', name: 'Jo Lee' }, rank: 2, score: 0.7, kind: 'DEVELOPMENT', availableFte: 0.6, explanation: 'Growing SQL.' },
];

const context: Answer = { data: { request, candidates } };

const fits: Answer = {
  data: {
    allocationCheck: {
      fits: true,
      kind: 'STANDARD',
      problems: [],
      skills: [{ skillId: 'skill-sql', skillName: 'SQL', minLevel: 3, analystLevel: 4, met: true }],
      weeks: [{ week: '2030-01-07', remainingFte: 0.3, requestedFte: 0.3, fits: true }],
    },
  },
};

const tooMuch: Answer = {
  data: {
    allocationCheck: {
      fits: false,
      kind: 'STANDARD',
      problems: ['Ravi Patel has 0.3 FTE left in the week of 7 January 2030.'],
      skills: [],
      weeks: [
        { week: '2030-01-07', remainingFte: 0.3, requestedFte: 0.5, fits: false },
        { week: '2030-01-14', remainingFte: 0.6, requestedFte: 0.5, fits: true },
      ],
    },
  },
};

function openPropose(answers: Record<string, Answer>, url = '/allocations/new?request=request-1') {
  const client = mockClient(answers);
  renderPage(<ProposePage />, { client, url });
  return client;
}

function mutationVariables(client: MockClient, name: string) {
  return client.executeMutation.mock.calls.filter(([call]) => getOperationName(call.query) === name).map(([call]) => call.variables);
}

describe('proposing an analyst by hand', () => {
  it('asks which request first, with an error summary when none is chosen', async () => {
    openPropose(
      { OpenRequests: { data: { submitted: { edges: [{ node: { id: 'request-1', title: 'Bereavement dashboards', startWeek: '2030-01-07', organisation: request.organisation } }] }, partlyMatched: { edges: [] } } } },
      '/allocations/new',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue' }));

    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the request to propose an analyst for' }).getAttribute('href')).toBe('#propose-request');
  });

  it('lists the ranked candidates and checks the chosen one against capacity and skills before saving', async () => {
    const client = openPropose({ ProposalCandidates: context, AllocationCheck: fits });
    const user = userEvent.setup();

    expect(screen.getByRole('status').textContent).toMatch(/^Choose an analyst/);
    const ravi = screen.getByRole('radio', { name: 'Ravi Patel' });
    expect(ravi.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(ravi.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe(
      'Rank 1, match 82%, 0.3 FTE free every week. Expert in SQL.',
    );
    await user.click(ravi);

    // The time a week starts at what the analyst has free, less than the request asks.
    expect((screen.getByLabelText('Time a week, in FTE') as HTMLInputElement).value).toBe('0.3');
    await waitFor(() =>
      expect(lastVariables(client, 'AllocationCheck')).toEqual({
        input: { analystId: 'analyst-ravi', fte: 0.3, startWeek: '2030-01-07', endWeek: '2030-03-25', requestId: 'request-1' },
      }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Ravi Patel has the time and the skills for this.'));
    expect(screen.getByRole('table', { name: 'Must-have skills' }).textContent).toContain('4 Expert');
  });

  it('shows the weeks without enough time when the check says it does not fit', async () => {
    openPropose({ ProposalCandidates: context, AllocationCheck: tooMuch });
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Ravi Patel' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('This cannot be saved as it is: Ravi Patel has 0.3 FTE left'));
    const weeks = screen.getByRole('table', { name: 'Weeks without enough time' });
    expect(within(weeks).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['7 January 2030Free before this 0.3 FTEAsked 0.5 FTE']);
  });

  it('checks the form before sending and names every problem', async () => {
    const client = openPropose({ ProposalCandidates: context, AllocationCheck: fits });
    const user = userEvent.setup();

    await user.clear(screen.getByLabelText('Time a week, in FTE'));
    await user.type(screen.getByLabelText('Time a week, in FTE'), '0.25');
    await user.click(screen.getByRole('button', { name: 'Save proposal' }));

    const summary = screen.getByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Choose an analyst', '#proposal-analyst'],
      ['Time a week must be between 0.1 and 1 FTE, in steps of 0.1', '#proposal-fte'],
    ]);
    expect(document.getElementById('proposal-analyst')).toBe(screen.getByRole('radio', { name: 'Ravi Patel' }));
    expect(mutationVariables(client, 'ProposeAllocation')).toEqual([]);
  });

  it('saves the proposal with weeks given by their Monday, and shows the server’s field problems by their fields', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Invalid input', { extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'startWeek'], message: 'That week has already begun; start this week or later.' }] } }),
      ],
    });
    const client = openPropose({ ProposalCandidates: context, AllocationCheck: fits, ProposeAllocation: { error: refusal } });
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: 'Jo Lee' }));
    const firstWeek = screen.getByLabelText('First week');
    await user.clear(firstWeek);
    await user.type(firstWeek, '2030-01-16');
    await user.click(screen.getByRole('button', { name: 'Save proposal' }));

    expect(mutationVariables(client, 'ProposeAllocation')).toEqual([
      { input: { analystId: 'analyst-jo', fte: 0.5, startWeek: '2030-01-14', endWeek: '2030-03-25', requestId: 'request-1' } },
    ]);
    const link = await screen.findByRole('link', { name: 'That week has already begun; start this week or later.' });
    expect(link.getAttribute('href')).toBe('#proposal-start-week');
  });
});

describe('changing a proposal', () => {
  const proposal = {
    id: 'allocation-1',
    version: 4,
    status: 'PROPOSED',
    fte: 0.4,
    startWeek: '2030-01-14',
    endWeek: '2030-02-25',
    requesterDecision: 'PENDING',
    releaseDecision: 'NOT_REQUIRED',
    analystDecision: 'PENDING',
    analyst: { id: 'analyst-ann', name: 'Ann Wood' },
    request: { id: 'request-1' },
  };

  it('keeps the current analyst on offer and checks the change without counting the proposal against itself', async () => {
    const client = mockClient({ ProposalToEdit: { data: { allocation: proposal } }, ProposalCandidates: context, AllocationCheck: fits });
    renderPage(<EditProposalPage />, { client, url: '/allocations/allocation-1/edit', route: '/allocations/:id/edit' });

    expect((screen.getByRole('radio', { name: 'Ann Wood' }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() =>
      expect(lastVariables(client, 'AllocationCheck')).toEqual({
        input: { analystId: 'analyst-ann', fte: 0.4, startWeek: '2030-01-14', endWeek: '2030-02-25', requestId: 'request-1', allocationId: 'allocation-1' },
      }),
    );
  });

  it('says a proposal someone has decided on can no longer be changed', () => {
    const client = mockClient({ ProposalToEdit: { data: { allocation: { ...proposal, requesterDecision: 'ACCEPTED' } } } });
    renderPage(<EditProposalPage />, { client, url: '/allocations/allocation-1/edit', route: '/allocations/:id/edit' });

    expect(screen.getByText('This proposal can no longer be changed: someone has already decided on it.')).toBeTruthy();
  });
});
