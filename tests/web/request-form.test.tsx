// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { EditRequestPage, NewRequestPage } from '../../web/src/pages/projects/RequestFormPage.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const skills = { edges: [{ node: { id: 'skill-sql', name: 'SQL' } }, { node: { id: 'skill-stats', name: 'Statistical modelling' } }] };
const project = { id: 'project-1', title: 'Discharge delays', open: true, viewerCanManage: true, organisation: { id: 'org-1', name: 'St Luke’s Hospice' } };

const storedRequest = {
  id: 'request-1',
  title: 'Waiting list model',
  description: 'Model the list.',
  fte: 0.4,
  startWeek: '2027-01-04',
  endWeek: '2027-02-22',
  priority: 'HIGH',
  openToDevelopment: true,
  version: 3,
  editable: true,
  viewerCanManage: true,
  project: { id: 'project-1', title: 'Discharge delays' },
  requiredSkills: [{ minLevel: 3, skill: { id: 'skill-sql' } }],
  desiredSkills: [],
};

function validationError(fields: { path: (string | number)[]; message: string }[]): Answer {
  return { error: new CombinedError({ graphQLErrors: [new GraphQLError('Invalid input', { extensions: { code: 'VALIDATION_FAILED', fields } })] }) };
}

function openNewRequest(createRequest: Answer) {
  const client = mockClient({ NewRequest: { data: { project, skills } }, CreateRequest: createRequest });
  renderPage(<NewRequestPage />, { client, url: '/projects/project-1/requests/new', route: '/projects/:id/requests/new' });
  return client;
}

async function fillValidRequest(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Title'), 'Waiting list model');
  await user.selectOptions(screen.getByLabelText('Must-have skill 1'), 'skill-sql');
  await user.type(screen.getByLabelText('Time needed each week (FTE)'), '0.25');
  await user.type(screen.getByLabelText('First week'), '2027-01-06');
  await user.type(screen.getByLabelText('Last week'), '2027-02-24');
}

describe('the request form', () => {
  it('lists what must be filled in before sending anything, each linked to its field, and focuses the summary', async () => {
    const user = userEvent.setup();
    const client = openNewRequest({ data: { createRequest: { id: 'new' } } });
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('div.nhsuk-error-summary') as HTMLElement;
    expect(document.activeElement).toBe(summary);
    const links = within(summary).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Choose a skill, or remove this row', '#requiredSkills-0-skillId'],
      ['Enter the FTE a week as a number, for example 0.4', '#fte'],
      ['Enter a date in the first week', '#startWeek'],
      ['Enter a date in the last week', '#endWeek'],
    ]);
    // Each field shows its own message too, and the page title says there is an error.
    expect(screen.getByLabelText('Time needed each week (FTE)').getAttribute('aria-describedby')).toMatch(/fte--error-message/);
    expect(document.title).toMatch(/^Error: Add a request/);
    expect(client.executeMutation).not.toHaveBeenCalled();
  });

  it("sends the request as typed and puts the API's field errors on their fields, skill rows included", async () => {
    const user = userEvent.setup();
    const client = openNewRequest(
      validationError([
        { path: ['input', 'requiredSkills', 0, 'level'], message: 'Choose a level from 1 (Awareness) to 4 (Expert)' },
        { path: ['input', 'fte'], message: 'FTE must be in steps of 0.1 (half a day a week), for example 0.3' },
        { path: ['input', 'startWeek'], message: 'The start week must be this week or later' },
      ]),
    );
    await fillValidRequest(user);
    await user.click(screen.getByRole('button', { name: 'Add a desired skill' }));
    await user.selectOptions(screen.getByLabelText('Desired skill 1'), 'skill-stats');
    await user.selectOptions(screen.getByLabelText('Minimum level for desired skill 1'), '2');
    await user.click(screen.getByLabelText('Open to a development placement'));
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    const [request] = client.executeMutation.mock.lastCall!;
    expect(request.variables).toEqual({
      projectId: 'project-1',
      input: {
        title: 'Waiting list model',
        description: '',
        requiredSkills: [{ skillId: 'skill-sql', level: 3 }],
        desiredSkills: [{ skillId: 'skill-stats', level: 2 }],
        fte: 0.25,
        startWeek: '2027-01-06',
        endWeek: '2027-02-24',
        priority: 'MEDIUM',
        openToDevelopment: true,
      },
    });
    const summary = await screen.findByRole('heading', { name: 'There is a problem' });
    const links = within(summary.parentElement!).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['#requiredSkills-0-level', '#fte', '#startWeek']);
    for (const id of ['requiredSkills-0-level', 'fte', 'startWeek']) {
      expect(document.getElementById(`${id}--error-message`)?.textContent).toMatch(/Error: /);
    }
    expect(screen.getByLabelText('Minimum level for must-have skill 1').closest('.nhsuk-form-group--error')).not.toBeNull();
  });

  it('adds and removes skill rows', async () => {
    const user = userEvent.setup();
    openNewRequest({ data: { createRequest: { id: 'new' } } });
    await user.click(screen.getByRole('button', { name: 'Add a must-have skill' }));
    expect(screen.getByLabelText('Must-have skill 2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove must-have skill 2' }));
    expect(screen.queryByLabelText('Must-have skill 2')).toBeNull();
  });

  it('starts an edit from the stored request and, when someone else changed it, says so and offers to reload', async () => {
    const user = userEvent.setup();
    const stale: Answer = {
      error: new CombinedError({ graphQLErrors: [new GraphQLError('Request was changed', { extensions: { code: 'STALE_VERSION' } })] }),
    };
    const client = mockClient({ EditRequest: { data: { request: storedRequest, skills } }, UpdateRequest: stale });
    renderPage(<EditRequestPage />, { client, url: '/requests/request-1/edit', route: '/requests/:id/edit' });

    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Waiting list model');
    expect((screen.getByLabelText('Must-have skill 1') as HTMLSelectElement).value).toBe('skill-sql');
    expect((screen.getByLabelText('Time needed each week (FTE)') as HTMLInputElement).value).toBe('0.4');
    expect((screen.getByLabelText('Open to a development placement') as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toMatchObject({ id: 'request-1', version: 3 });
    await screen.findByText(/Someone else changed this request while you were looking at it/);
    const queriesBefore = client.executeQuery.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(client.executeQuery.mock.calls.length).toBeGreaterThan(queriesBefore));
    const [, context] = client.executeQuery.mock.lastCall as unknown[];
    expect(context).toMatchObject({ requestPolicy: 'network-only' });
  });

  it('says a request that can no longer be changed cannot be edited', () => {
    const client = mockClient({ EditRequest: { data: { request: { ...storedRequest, editable: false }, skills } } });
    renderPage(<EditRequestPage />, { client, url: '/requests/request-1/edit', route: '/requests/:id/edit' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This request can no longer be changed');
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
  });
});
