// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RunPage } from '../../web/src/pages/matching/RunPage.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const metrics = (fulfilment: number, minSatisfaction: number) => ({
  requestedFteWeeks: 40,
  matchedFteWeeks: 40 * fulfilment,
  fulfilment,
  minSatisfaction,
  jain: 0.97,
  gini: 0.05,
  meanSkillFit: 0.74,
  developmentPlacements: 1,
  overCapacity: 0,
  skillViolations: 0,
  solveMs: 120,
});

const outcome = (received: number, satisfaction: number) => ({ entitlement: 14, claim: 12, received, satisfaction });

const request = {
  id: 'request-forecast',
  title: 'Attendance forecast',
  fte: 0.8,
  startWeek: '2026-12-07',
  endWeek: '2027-03-29',
  project: { id: 'project-flow' },
  organisation: { id: 'org-acute', name: 'Riverside University Hospitals' },
};

const explanation = {
  summary: 'Best fit for Attendance forecast among 3 candidates.',
  rank: 1,
  candidateCount: 3,
  interest: true,
  continuity: null,
  menteeCount: 1,
  skills: [
    { skillId: 'skill-stats', skillName: 'Statistical modelling', kind: 'REQUIRED', wantedLevel: 3, analystLevel: 4, fit: 'ABOVE' },
    { skillId: 'skill-dash', skillName: 'Dashboard design', kind: 'DESIRED', wantedLevel: 2, analystLevel: 0, fit: 'MISSING' },
  ],
  nextCandidate: { analystName: 'Tom Reid', reason: 'Lower skill fit (0.61 against 0.83).' },
  fairness: { bound: 'FAIR_SHARE', text: 'Riverside University Hospitals received its fair share of 14 FTE-weeks.' },
  development: null,
};

const run = {
  id: 'run-1',
  status: 'SUCCEEDED',
  error: null,
  windowStart: '2026-11-30',
  windowEnd: '2027-05-24',
  createdAt: '2026-11-23T10:00:00.000Z',
  finishedAt: '2026-11-23T10:00:02.000Z',
  createdBy: { id: 'user-wendy', name: 'Wendy Lau' },
  policy: { alpha: 0.4, beta: 0.4, gamma: 0.2, maxConcurrentRequests: 3, developmentShareCap: 0.5 },
  solverStats: { totalMs: 812, lpSolves: 9, mipSolves: 1 },
  metrics: metrics(0.86, 0.71),
  baselineMetrics: metrics(0.74, 0.12),
  organisations: [
    { organisation: { id: 'org-acute', name: 'Riverside University Hospitals' }, engine: outcome(11, 0.92), baseline: outcome(12, 1) },
    { organisation: { id: 'org-hospice', name: 'St Brigid’s Hospice' }, engine: outcome(8.5, 0.71), baseline: outcome(1.4, 0.12) },
  ],
  proposals: {
    totalCount: 2,
    edges: [
      {
        node: {
          id: 'allocation-lena', fte: 0.5, kind: 'MENTOR', startWeek: '2026-12-07', endWeek: '2027-03-29',
          analyst: { id: 'analyst-lena', name: 'Lena Fischer' }, request, explanation,
        },
      },
      {
        node: {
          id: 'allocation-aisha', fte: 0.3, kind: 'DEVELOPMENT', startWeek: '2026-12-07', endWeek: '2027-03-29',
          analyst: { id: 'analyst-aisha', name: 'Aisha Khan' }, request,
          explanation: {
            ...explanation,
            rank: 2,
            menteeCount: 0,
            interest: false,
            nextCandidate: null,
            skills: [{ ...explanation.skills[0], analystLevel: 2, fit: 'ONE_BELOW' }],
            development: {
              skillName: 'Statistical modelling', analystLevel: 2, targetLevel: 3,
              text: 'One level short on a skill she aims to grow.', mentor: { id: 'analyst-lena', name: 'Lena Fischer' },
            },
          },
        },
      },
    ],
  },
};

/** A row's cell values without the column headings a responsive table repeats inside each cell. */
function cellValues(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => {
      const heading = cell.querySelector('.nhsuk-table-responsive__heading')?.textContent ?? '';
      return (cell.textContent ?? '').slice(heading.length).trim();
    });
}

function openRun(answer: Answer) {
  const client = mockClient({ MatchingRun: answer });
  renderPage(<RunPage />, { client, url: '/matching/runs/run-1', route: '/matching/runs/:id' });
  return client;
}

describe('matching run page', () => {
  it('keeps a heading while the run loads', () => {
    openRun('pending');
    expect(screen.getByRole('heading', { level: 1, name: 'Matching run' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the matching run…');
  });

  it('says why the run could not be loaded', () => {
    openRun({ error: new CombinedError({ graphQLErrors: [new GraphQLError('You are not allowed to do this.')] }) });
    expect(within(screen.getByRole('alert')).getByText('You are not allowed to do this.')).toBeTruthy();
  });

  it('says when there is no such run', () => {
    openRun({ data: { matchingRun: null } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Matching run not found');
  });

  it('compares the engine with the baseline, measure by measure', () => {
    openRun({ data: { matchingRun: run } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Matching run – 30 November 2026 to 24 May 2027');
    const table = screen.getByRole('table', { name: 'Run metrics: engine and baseline' });
    const fulfilment = within(table).getByRole('row', { name: /^Fulfilment/ });
    expect(cellValues(fulfilment)).toEqual(['86%', '74%']);
    const lowest = within(table).getByRole('row', { name: /^Lowest satisfaction/ });
    expect(cellValues(lowest)).toEqual(['71%', '12%']);
  });

  it('gives the fairness per organisation as a chart and as a table of the same numbers', () => {
    openRun({ data: { matchingRun: run } });
    expect(screen.getByRole('img', { name: /Bar chart of fair claim/ })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Fairness by organisation, in FTE-weeks' });
    const hospice = within(table).getByRole('row', { name: /St Brigid’s Hospice/ });
    expect(cellValues(hospice)).toEqual(['12.0', '14.0', '8.5', '71%', '1.4', '12%']);
  });

  it('groups proposals by request with why each analyst was chosen, and who mentors a development placement', () => {
    openRun({ data: { matchingRun: run } });
    expect(screen.getByRole('link', { name: 'review, change and confirm this run’s proposals' }).getAttribute('href')).toBe('/allocations?run=run-1');
    const section = screen.getByRole('region', { name: /Attendance forecast/ });
    const lena = within(section).getByRole('heading', { level: 4, name: /Lena Fischer/ }).closest('.nhsuk-card') as HTMLElement;
    expect(within(lena).getByText(/Statistical modelling \(must have 3 Practitioner\): 4 Expert, above the level asked/)).toBeTruthy();
    expect(within(lena).getByText(/1 of 3 eligible analysts; asked to work on this request/)).toBeTruthy();
    expect(within(lena).getByText('Tom Reid: Lower skill fit (0.61 against 0.83).')).toBeTruthy();
    expect(within(lena).getByText(/Held at its fair share/)).toBeTruthy();
    expect(within(lena).getByText('Mentors 1 development placement on this request.')).toBeTruthy();

    const aisha = within(section).getByRole('heading', { level: 4, name: /Aisha Khan/ }).closest('.nhsuk-card') as HTMLElement;
    expect(within(aisha).getByText('Development', { selector: '.nhsuk-tag' })).toBeTruthy();
    expect(within(aisha).getByText(/Grows Statistical modelling from 2 Working towards 3 Practitioner, mentored by Lena Fischer/)).toBeTruthy();
    expect(within(aisha).getByText('No other eligible analyst.')).toBeTruthy();
  });

  it('shows why a failed run failed, and nothing else', () => {
    openRun({ data: { matchingRun: { ...run, status: 'FAILED', error: 'The matching engine could not finish this run: out of memory', metrics: null, baselineMetrics: null } } });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('The matching engine could not finish this run: out of memory')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Run metrics: engine and baseline' })).toBeNull();
  });

  it('asks again while a run someone started is still running', async () => {
    vi.useFakeTimers();
    try {
      const client = openRun({ data: { matchingRun: { ...run, status: 'RUNNING', metrics: null, baselineMetrics: null, solverStats: null } } });
      expect(screen.getByText(/This run is still in progress/)).toBeTruthy();
      const callsBefore = client.executeQuery.mock.calls.length;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(3000);
      });
      expect(client.executeQuery.mock.calls.length).toBeGreaterThan(callsBefore);
    } finally {
      vi.useRealTimers();
    }
  });
});
