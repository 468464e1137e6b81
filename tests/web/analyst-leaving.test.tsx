// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { ProfilePage } from '../../web/src/pages/analysts/ProfilePage.tsx';
import { RecordLeavingPage } from '../../web/src/pages/analysts/RecordLeavingPage.tsx';
import { tomsProfile } from './support/analyst-profile.ts';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const tom = { id: 'analyst-tom', name: 'Tom Okafor', version: 3, canRecordLeaving: true, organisation: { id: 'org-council', name: 'Riverside Council' } };

const plan = {
  analyst: {
    id: 'analyst-tom',
    leavingPlan: {
      anonymisationDueOn: '2028-11-20',
      immediate: true,
      changes: [
        {
          outcome: 'END',
          endWeek: '2026-11-09',
          allocation: {
            id: 'allocation-1',
            fte: 0.2,
            startWeek: '2026-10-05',
            endWeek: '2027-01-25',
            request: { id: 'request-1', title: 'Readmissions dashboard', project: { id: 'project-1', organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' } } },
          },
        },
        {
          outcome: 'WITHDRAW',
          endWeek: null,
          allocation: {
            id: 'allocation-2',
            fte: 0.4,
            startWeek: '2026-11-30',
            endWeek: '2027-02-22',
            request: { id: 'request-2', title: 'Mortality review', project: { id: 'project-1', organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' } } },
          },
        },
      ],
    },
  },
};

const recorded = {
  data: { recordAnalystLeaving: { id: 'analyst-tom', status: 'LEFT', leftOn: '2026-11-20', anonymisationDueOn: '2028-11-20', canRecordLeaving: false, canCancelLeaving: false, version: 4 } },
};

function openLeavingForm(answers: { analyst?: Answer; record?: Answer; plan?: Answer } = {}) {
  const client = mockClient({
    AnalystLeaving: answers.analyst ?? { data: { analyst: tom } },
    LeavingPlan: answers.plan ?? { data: plan },
    RecordAnalystLeaving: answers.record ?? recorded,
  });
  renderPage(
    <Routes>
      <Route path="/analysts/:id/leaving" element={<RecordLeavingPage />} />
      <Route path="/analysts/:id" element={<p>Tom’s profile</p>} />
    </Routes>,
    { client, url: '/analysts/analyst-tom/leaving', route: '/*' },
  );
  return client;
}

const refusal = (message: string): Answer => ({
  error: new CombinedError({
    graphQLErrors: [new GraphQLError('Invalid input', { extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'leftOn'], message }] } })],
  }),
});

describe('recording that an analyst has left', () => {
  it('says the analyst is loading', () => {
    openLeavingForm({ analyst: 'pending' });

    expect(screen.getByRole('status').textContent).toBe('Loading the analyst…');
  });

  it('says when the analyst could not be loaded', () => {
    openLeavingForm({ analyst: { error: new CombinedError({ graphQLErrors: [new GraphQLError('The database is unavailable; try again shortly.')] }) } });

    expect(screen.getByRole('alert').textContent).toContain('Sorry, we could not load the analyst');
    expect(screen.getByRole('alert').textContent).toContain('The database is unavailable');
  });

  it('tells someone who may not record it so, with no form', () => {
    openLeavingForm({ analyst: { data: { analyst: { ...tom, canRecordLeaving: false } } } });

    expect(screen.getByRole('heading', { level: 1, name: 'You cannot record that this analyst is leaving' })).toBeTruthy();
    expect(screen.queryByLabelText(/The day they leave or left/)).toBeNull();
  });

  it('asks for the date, then shows the API’s refusal on the field in the error summary', async () => {
    const user = userEvent.setup();
    const client = openLeavingForm({ record: refusal('Give a date no more than 12 months from today.') });

    await user.click(screen.getByRole('button', { name: 'Record the leaving day' }));
    let summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.nhsuk-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: 'Enter the day they leave or left' }).getAttribute('href')).toBe('#leftOn');
    expect(client.executeMutation).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/The day they leave or left/), '2027-12-01');
    await user.click(screen.getByRole('button', { name: 'Record the leaving day' }));

    summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.nhsuk-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: /Give a date no more than 12 months/ }).getAttribute('href')).toBe('#leftOn');
    expect(document.getElementById('leftOn--error-message')?.textContent).toMatch(/Give a date no more than 12 months/);
    expect(document.title).toMatch(/^Error: /);
  });

  it('shows what leaving on the date ends, then records it and returns to the profile', async () => {
    const user = userEvent.setup();
    const client = openLeavingForm();

    await user.type(screen.getByLabelText(/The day they leave or left/), '2026-11-20');

    expect(lastVariables(client, 'LeavingPlan')).toEqual({ id: 'analyst-tom', leftOn: '2026-11-20' });
    const happens = screen.getByRole('heading', { name: /What will happen/ }).parentElement as HTMLElement;
    const lines = within(happens).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toContain(
      '“Readmissions dashboard” for St Luke’s Hospice, 0.2 FTE from 5 October 2026: ends in the week of 9 November 2026, and the request needs someone else after it',
    );
    expect(lines).toContain('“Mortality review” for St Luke’s Hospice, 0.4 FTE from 30 November 2026: withdrawn, and the request needs someone else');
    expect(lines).toContain('They are signed out, can no longer sign in, and their calendar link stops working.');
    expect(lines).toContain('Their personal data will be anonymised on 20 November 2028.');

    await user.click(screen.getByRole('button', { name: 'Record the leaving day' }));

    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ input: { analystId: 'analyst-tom', leftOn: '2026-11-20', version: 3 } });
    expect(await screen.findByText('Tom’s profile')).toBeTruthy();
  });
});

describe('recording a leaving day ahead', () => {
  it('says the changes happen now and that access lasts until the day, which can still be cancelled', async () => {
    const user = userEvent.setup();
    const ahead = { analyst: { ...plan.analyst, leavingPlan: { ...plan.analyst.leavingPlan, immediate: false, anonymisationDueOn: '2029-01-01' } } };
    const client = openLeavingForm({ plan: { data: ahead } });

    await user.type(screen.getByLabelText(/The day they leave or left/), '2027-01-01');

    const happens = screen.getByRole('heading', { name: /What will happen/ }).parentElement as HTMLElement;
    const lines = within(happens).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toContain('These changes happen now. Matching no longer proposes them from the week they leave in.');
    expect(lines).toContain(
      'They keep their access until 1 January 2027. On that day they are signed out, can no longer sign in, their calendar link stops working and they leave the directory.',
    );
    expect(lines).toContain('Until then the leaving can be cancelled from their profile; what it ended or withdrew is not restored.');
    expect(lines).not.toContain('They are signed out, can no longer sign in, and their calendar link stops working.');

    await user.click(screen.getByRole('button', { name: 'Record the leaving day' }));

    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ input: { analystId: 'analyst-tom', leftOn: '2027-01-01', version: 3 } });
    expect(await screen.findByText('Tom’s profile')).toBeTruthy();
  });
});

function profile(leaving: { status: string; leftOn: string | null; anonymisationDueOn: string | null; canRecordLeaving: boolean; canCancelLeaving?: boolean }) {
  return tomsProfile(leaving);
}

function openProfile(analyst: ReturnType<typeof profile>) {
  renderPage(<ProfilePage />, { client: mockClient({ AnalystProfile: { data: { analyst } } }), url: '/analysts/analyst-tom', route: '/analysts/:id' });
}

describe('a leaver on the analyst profile', () => {
  it('offers the leads who may record it the way to record that the analyst has left', () => {
    openProfile(profile({ status: 'ACTIVE', leftOn: null, anonymisationDueOn: null, canRecordLeaving: true }));

    expect(screen.getByRole('link', { name: 'Record that this analyst is leaving' }).getAttribute('href')).toBe('/analysts/analyst-tom/leaving');
  });

  it('shows when they left and when their personal data will be anonymised', () => {
    openProfile(profile({ status: 'LEFT', leftOn: '2026-11-20', anonymisationDueOn: '2028-11-20', canRecordLeaving: false }));

    expect(screen.getByText('Left on 20 November 2026.')).toBeTruthy();
    expect(screen.getByText('Personal data will be anonymised on 20 November 2028.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Record that this analyst is leaving' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Cancel leaving' })).toBeNull();
  });

  it('shows the day an analyst is leaving on, with the way to cancel it for the leads who may', () => {
    openProfile(profile({ status: 'ACTIVE', leftOn: '2027-01-01', anonymisationDueOn: '2029-01-01', canRecordLeaving: false, canCancelLeaving: true }));

    expect(screen.getByText('Leaving on 1 January 2027.')).toBeTruthy();
    expect(screen.getByText('Personal data will be anonymised on 1 January 2029.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Cancel leaving' }).getAttribute('href')).toBe('/analysts/analyst-tom/leaving/cancel');
  });

  it('shows no leaving day to those who may not see it', () => {
    openProfile(profile({ status: 'ACTIVE', leftOn: null, anonymisationDueOn: null, canRecordLeaving: false }));

    expect(screen.queryByText(/Leaving on/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Cancel leaving' })).toBeNull();
  });
});
