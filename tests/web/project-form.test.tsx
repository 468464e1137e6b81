// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { NewProjectPage } from '../../web/src/pages/projects/ProjectFormPage.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const organisation = { id: 'org-icb', name: 'Riverside ICB' };

function signedInAs(role: 'WORKFORCE_LEAD' | 'ORGANISATION_LEAD') {
  return { data: { me: { id: 'user-1', name: 'Wendy Lau', role, organisation, analyst: null, ics: { id: 'ics-1', name: 'Riverside' } } } };
}

const organisations = { edges: [{ node: organisation }, { node: { id: 'org-hospice', name: 'St Luke’s Hospice' } }] };

function openNewProject(role: 'WORKFORCE_LEAD' | 'ORGANISATION_LEAD', createProject: Answer) {
  const client = mockClient({ Me: signedInAs(role), ProjectOrganisations: { data: { organisations } }, CreateProject: createProject });
  renderPage(
    <SessionProvider>
      <NewProjectPage />
    </SessionProvider>,
    { client, url: '/projects/new' },
  );
  return client;
}

const refusal: Answer = {
  error: new CombinedError({
    graphQLErrors: [
      new GraphQLError('Invalid input', {
        extensions: {
          code: 'VALIDATION_FAILED',
          fields: [
            { path: ['organisationId'], message: 'Choose the organisation that owns the project' },
            { path: ['input', 'title'], message: 'This organisation already has a project with this title; choose another title' },
          ],
        },
      }),
    ],
  }),
};

describe('the new project form', () => {
  it('asks a workforce lead which organisation owns the project and shows the API’s field errors on the fields', async () => {
    const user = userEvent.setup();
    const client = openNewProject('WORKFORCE_LEAD', refusal);

    await user.type(screen.getByLabelText('Project title'), 'Discharge delays');
    await user.type(screen.getByLabelText('Purpose'), 'Find the delays.');
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({
      organisationId: null,
      input: { title: 'Discharge delays', purpose: 'Find the delays.', expectedBenefit: '' },
    });
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.nhsuk-error-summary') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#organisationId', '#title']);
    expect(document.getElementById('organisationId--error-message')?.textContent).toMatch(/Choose the organisation/);
    expect(document.getElementById('title--error-message')?.textContent).toMatch(/already has a project with this title/);

    await user.selectOptions(screen.getByLabelText('Organisation'), 'org-hospice');
    await user.click(screen.getByRole('button', { name: 'Create project' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toMatchObject({ organisationId: 'org-hospice' });
  });

  it('creates an organisation lead’s project for their own organisation without asking', async () => {
    const user = userEvent.setup();
    const client = openNewProject('ORGANISATION_LEAD', 'pending');

    expect(screen.queryByLabelText('Organisation')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Riverside ICB – Create a project');
    await user.type(screen.getByLabelText('Project title'), 'Bereavement review');
    await user.click(screen.getByRole('button', { name: 'Create project' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toMatchObject({ organisationId: null, input: { title: 'Bereavement review' } });
  });
});
