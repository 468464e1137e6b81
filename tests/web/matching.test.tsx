// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { MatchingPage } from '../../web/src/pages/matching/MatchingPage.tsx';
import { defaultWindow } from '../../web/src/pages/matching/runForm.ts';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const ics = { id: 'ics-1', planningHorizonWeeks: 26, fairnessAlpha: 0.4, fairnessBeta: 0.4, fairnessGamma: 0.2, maxConcurrentRequests: 3 };
const noRuns = { ics, matchingRuns: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };

const oneRun = {
  ...noRuns,
  matchingRuns: {
    totalCount: 1,
    pageInfo: { hasNextPage: false, endCursor: 'c1' },
    edges: [
      {
        node: {
          id: 'run-1',
          status: 'SUCCEEDED',
          windowStart: '2026-11-30',
          windowEnd: '2027-05-24',
          createdAt: '2026-11-23T10:00:00.000Z',
          createdBy: { id: 'user-wendy', name: 'Wendy Lau' },
          metrics: { fulfilment: 0.86, minSatisfaction: 0.71 },
          baselineMetrics: { fulfilment: 0.74, minSatisfaction: 0.12 },
          proposals: { totalCount: 7 },
        },
      },
    ],
  },
};

function openMatching(runs: Answer, run: Answer = 'pending') {
  const client = mockClient({ MatchingRuns: runs, RunMatching: run });
  renderPage(<MatchingPage />, { client, url: '/matching', route: '/matching' });
  return client;
}

describe('default window', () => {
  it('starts next Monday and spans the planning horizon', () => {
    expect(defaultWindow(new Date('2026-11-25T15:00:00Z'), 26)).toEqual({ windowStart: '2026-11-30', windowEnd: '2027-05-24' });
    expect(defaultWindow(new Date('2026-11-23T00:00:00Z'), 1)).toEqual({ windowStart: '2026-11-30', windowEnd: '2026-11-30' });
  });
});

describe('matching page', () => {
  it('lists past runs with engine and baseline side by side, linked to each run', () => {
    openMatching({ data: oneRun });
    const table = screen.getByRole('table', { name: 'Matching runs, newest first' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/matching/runs/run-1');
    expect(row.textContent).toContain('86% (74%)');
    expect(row.textContent).toContain('30 November 2026 to 24 May 2027');
  });

  it('says when matching has never been run', () => {
    openMatching({ data: noRuns });
    expect(screen.getByText('No matching has been run yet.')).toBeTruthy();
  });

  it('runs over the window chosen, saying it is running until the run finishes', async () => {
    const client = openMatching({ data: noRuns }, 'pending');
    const user = userEvent.setup();
    const start = screen.getByLabelText('First week') as HTMLInputElement;
    expect(start.value).toBe(defaultWindow(new Date(), 26).windowStart);
    await user.clear(start);
    await user.type(start, '2027-01-04');
    await user.click(screen.getByRole('button', { name: 'Run matching' }));

    expect(screen.getByRole('button', { name: 'Running matching…' }).hasAttribute('disabled')).toBe(true);
    const [request] = client.executeMutation.mock.lastCall!;
    expect(request.variables).toMatchObject({ input: { windowStart: '2027-01-04', policy: null } });
  });

  it('links each of the server’s problems to its field, inline too', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Invalid input', {
          extensions: {
            code: 'VALIDATION_FAILED',
            fields: [
              { path: ['input', 'windowStart'], message: 'The window must not start in the past.' },
              { path: ['input', 'policy'], message: 'The fairness weights must add up to 1 (they add up to 1.1).' },
            ],
          },
        }),
      ],
    });
    openMatching({ data: noRuns }, { error: refusal });
    const user = userEvent.setup();
    await user.click(screen.getByText('Change the fairness policy for this run'));
    await user.type(screen.getByLabelText('Equal share weight (alpha)'), '0.5');
    await user.type(screen.getByLabelText('Reciprocity weight (beta)'), '0.4');
    await user.type(screen.getByLabelText('Need weight (gamma)'), '0.2');
    await user.click(screen.getByRole('button', { name: 'Run matching' }));

    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['The window must not start in the past.', '#windowStart'],
      ['The fairness weights must add up to 1 (they add up to 1.1).', '#alpha'],
    ]);
    await waitFor(() => expect(document.title).toMatch(/^Error: Matching/));
    expect(screen.getAllByText('The window must not start in the past.')).toHaveLength(2);
  });

  it('checks numbers before sending anything', async () => {
    const client = openMatching({ data: noRuns });
    const user = userEvent.setup();
    await user.click(screen.getByText('Change the fairness policy for this run'));
    await user.type(screen.getByLabelText('Most requests an analyst works on at once'), 'three');
    await user.click(screen.getByRole('button', { name: 'Run matching' }));

    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Requests at once must be a number' })).toBeTruthy();
    expect(client.executeMutation).not.toHaveBeenCalled();
    expect(lastVariables(client, 'MatchingRuns')).toMatchObject({ first: 20 });
  });
});
