// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { CancelLeavingPage } from '../../web/src/pages/analysts/CancelLeavingPage.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const hospice = { id: 'project-1', organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' } };

const changes = [
  {
    outcome: 'END',
    endWeek: '2026-12-21',
    allocation: {
      id: 'allocation-1',
      fte: 0.2,
      startWeek: '2026-10-05',
      endWeek: '2026-12-21',
      status: 'ACTIVE',
      request: { id: 'request-1', title: 'Readmissions dashboard', project: hospice },
    },
  },
  {
    outcome: 'WITHDRAW',
    endWeek: null,
    allocation: {
      id: 'allocation-2',
      fte: 0.1,
      startWeek: '2027-01-04',
      endWeek: '2027-03-01',
      status: 'WITHDRAWN',
      request: { id: 'request-2', title: 'Falls audit', project: hospice },
    },
  },
];

const tom = {
  id: 'analyst-tom',
  name: 'Tom Okafor',
  version: 4,
  leftOn: '2027-01-01',
  canCancelLeaving: true,
  organisation: { id: 'org-council', name: 'Riverside Council' },
  recordedLeavingChanges: changes,
};

const cancelled = {
  data: {
    cancelAnalystLeaving: {
      id: 'analyst-tom',
      status: 'ACTIVE',
      leftOn: null,
      anonymisationDueOn: null,
      canRecordLeaving: true,
      canCancelLeaving: false,
      version: 5,
      recordedLeavingChanges: changes,
    },
  },
};

function openCancelPage(answers: { analyst?: Answer; cancel?: Answer } = {}) {
  const client = mockClient({ CancelLeaving: answers.analyst ?? { data: { analyst: tom } }, CancelAnalystLeaving: answers.cancel ?? cancelled });
  renderPage(
    <Routes>
      <Route path="/analysts/:id/leaving/cancel" element={<CancelLeavingPage />} />
      <Route path="/analysts/:id" element={<p>Tom’s profile</p>} />
    </Routes>,
    { client, url: '/analysts/analyst-tom/leaving/cancel', route: '/*' },
  );
  return client;
}

const listed = (container: HTMLElement) => within(container).getAllByRole('listitem').map((item) => item.textContent);

describe('cancelling a recorded leaving', () => {
  it('says the analyst is loading', () => {
    openCancelPage({ analyst: 'pending' });

    expect(screen.getByRole('status').textContent).toBe('Loading the analyst…');
  });

  it('says when the analyst could not be loaded', () => {
    openCancelPage({ analyst: { error: new CombinedError({ graphQLErrors: [new GraphQLError('The database is unavailable; try again shortly.')] }) } });

    expect(screen.getByRole('alert').textContent).toContain('Sorry, we could not load the analyst');
  });

  it('tells someone who may not cancel it so, with no button', () => {
    openCancelPage({ analyst: { data: { analyst: { ...tom, canCancelLeaving: false, recordedLeavingChanges: null } } } });

    expect(screen.getByRole('heading', { level: 1, name: 'You cannot cancel this analyst’s leaving' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel leaving' })).toBeNull();
  });

  it('asks for confirmation, saying which allocations stay ended or withdrawn', () => {
    const client = openCancelPage();

    expect(screen.getByRole('heading', { level: 1, name: /Cancel Tom Okafor’s leaving/ })).toBeTruthy();
    expect(screen.getByText(/Tom Okafor is recorded as leaving on 1 January 2027/)).toBeTruthy();
    const callout = screen.getByRole('heading', { name: /What cancelling does not undo/ }).parentElement as HTMLElement;
    expect(within(callout).getByText(/They are not restored automatically/)).toBeTruthy();
    expect(listed(callout)).toEqual([
      '“Readmissions dashboard” for St Luke’s Hospice, 0.2 FTE from 5 October 2026: ended in the week of 21 December 2026',
      '“Falls audit” for St Luke’s Hospice, 0.1 FTE from 4 January 2027: withdrawn',
    ]);
    expect(screen.getByRole('link', { name: 'Keep the leaving day' }).getAttribute('href')).toBe('/analysts/analyst-tom');
    expect(client.executeMutation).not.toHaveBeenCalled();
  });

  it('says when recording the leaving changed no allocation', () => {
    openCancelPage({ analyst: { data: { analyst: { ...tom, recordedLeavingChanges: [] } } } });

    expect(screen.getByText(/ended or withdrew none of their allocations/)).toBeTruthy();
  });

  it('cancels, then confirms it and lists the allocations to propose again', async () => {
    const user = userEvent.setup();
    const client = openCancelPage();

    await user.click(screen.getByRole('button', { name: 'Cancel leaving' }));

    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ input: { analystId: 'analyst-tom', version: 4 } });
    const panel = await screen.findByRole('status');
    expect(within(panel).getByRole('heading', { level: 1, name: 'Leaving cancelled' })).toBeTruthy();
    expect(panel.textContent).toContain('Tom Okafor stays in the pool.');
    expect(screen.getByRole('heading', { level: 2, name: 'Allocations to propose again' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '“Falls audit”' }).getAttribute('href')).toBe('/projects/project-1');
    expect(screen.getByRole('link', { name: 'Back to Tom Okafor’s profile' }).getAttribute('href')).toBe('/analysts/analyst-tom');
  });

  it('shows the refusal once the leaving day has come in the error summary', async () => {
    const user = userEvent.setup();
    const passed = new GraphQLError('Tom Okafor left on 2027-01-01: a leaving can be cancelled only before its day.', {
      extensions: { code: 'LEAVING_DATE_PASSED' },
    });
    openCancelPage({ cancel: { error: new CombinedError({ graphQLErrors: [passed] }) } });

    await user.click(screen.getByRole('button', { name: 'Cancel leaving' }));

    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.nhsuk-error-summary') as HTMLElement;
    expect(summary.textContent).toContain('a leaving can be cancelled only before its day');
    expect(document.title).toMatch(/^Error: /);
  });
});
