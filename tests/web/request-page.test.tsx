// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { RequestPage } from '../../web/src/pages/projects/RequestPage.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const draft = {
  id: 'request-1',
  title: 'Waiting list model',
  description: 'Model the elective waiting list.',
  fte: 0.4,
  startWeek: '2027-01-04',
  endWeek: '2027-02-22',
  priority: 'HIGH',
  openToDevelopment: true,
  status: 'DRAFT',
  version: 2,
  submittedAt: null,
  editable: true,
  cancellable: true,
  viewerCanManage: true,
  project: { id: 'project-1', title: 'Elective recovery', organisation: { id: 'org-1', name: 'Riverside Hospitals' } },
  requiredSkills: [{ minLevel: 3, skill: { id: 'skill-sql', name: 'SQL' } }],
  desiredSkills: [],
  allocations: [],
};

const booked = {
  ...draft,
  status: 'MATCHED',
  editable: false,
  submittedAt: '2026-11-20T10:30:00.000Z',
  allocations: [
    { id: 'allocation-1', status: 'ACCEPTED', fte: 0.4, startWeek: '2027-01-04', endWeek: '2027-02-22', kind: 'STANDARD', analyst: { id: 'analyst-1', name: 'Aisha Khan' } },
    { id: 'allocation-2', status: 'DECLINED', fte: 0.2, startWeek: '2027-01-04', endWeek: '2027-02-22', kind: 'STANDARD', analyst: { id: 'analyst-2', name: 'Ben Okafor' } },
  ],
};

function openRequest(request: unknown, mutations: Record<string, Answer> = {}) {
  const client = mockClient({ RequestDetail: { data: { request } }, SubmitRequest: 'pending', CancelRequest: 'pending', ...mutations });
  renderPage(<RequestPage />, { client, url: '/requests/request-1', route: '/requests/:id' });
  return client;
}

describe('request page', () => {
  it('shows a draft with its skills, time and weeks, and lets its manager change or submit it', async () => {
    const user = userEvent.setup();
    const client = openRequest(draft);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Elective recovery – Waiting list model');
    expect(screen.getByText('SQL: 3 Practitioner or above')).toBeTruthy();
    expect(screen.getByText('0.4 FTE a week')).toBeTruthy();
    expect(screen.getByText('8 weeks, 4 January 2027 to 22 February 2027')).toBeTruthy();
    expect(screen.getByText('No analyst has been proposed for this request yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Change the request' }).getAttribute('href')).toBe('/requests/request-1/edit');

    await user.click(screen.getByRole('button', { name: 'Submit to the pool' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ id: 'request-1', version: 2 });
  });

  it('lists the analysts on a matched request, offers no change, and says what cancelling would withdraw', async () => {
    const user = userEvent.setup();
    const client = openRequest(booked);

    const table = screen.getByRole('table', { name: 'Analysts proposed for or working on this request' });
    expect(within(table).getAllByRole('link').map((link) => link.textContent)).toEqual(['Aisha Khan', 'Ben Okafor']);
    expect(screen.queryByRole('link', { name: 'Change the request' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit to the pool' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Cancel this request' }));
    expect(screen.getByText(/1 analyst allocation on it will be withdrawn/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the request' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ id: 'request-1', version: 2 });
  });

  it('offers no actions to someone who does not manage it', () => {
    openRequest({ ...draft, status: 'SUBMITTED', viewerCanManage: false });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Change the request' })).toBeNull();
    expect(screen.getByText(/Only the requesting organisation, workforce leads and the analysts involved see who works/)).toBeTruthy();
    expect(screen.queryByText('No analyst has been proposed for this request yet.')).toBeNull();
  });

  it("shows the API's refusal of a submit in an error summary at the top", async () => {
    const user = userEvent.setup();
    const refusal = new GraphQLError('Invalid input', {
      extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['startWeek'], message: 'The start week must be this week or later' }] },
    });
    openRequest(draft, { SubmitRequest: { error: new CombinedError({ graphQLErrors: [refusal] }) } });

    await user.click(screen.getByRole('button', { name: 'Submit to the pool' }));
    const heading = await screen.findByRole('heading', { name: 'There is a problem' });
    const summary = heading.closest('.nhsuk-error-summary') as HTMLElement;
    expect(summary.textContent).toMatch(/The start week must be this week or later/);
    // No form field on this page to link to.
    expect(within(summary).queryByRole('link')).toBeNull();
    expect(document.title).toMatch(/^Error: Waiting list model/);
  });
});
