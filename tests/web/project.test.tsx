// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { ProjectPage } from '../../web/src/pages/projects/ProjectPage.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const hospiceDashboards = {
  id: 'project-dashboards',
  title: 'Hospice discharge dashboards',
  purpose: 'Show discharge delays to ward teams.',
  expectedBenefit: 'Fewer delayed discharges.',
  status: 'SUBMITTED',
  organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' },
  requests: [],
};

function openProject(answer: Answer) {
  const client = mockClient({ Project: answer });
  renderPage(<ProjectPage />, { client, url: '/projects/project-dashboards', route: '/projects/:id' });
  return client;
}

describe('project page', () => {
  it('keeps a page heading while the project is on its way', () => {
    openProject('pending');

    expect(screen.getByRole('heading', { level: 1, name: 'Project' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the project…');
  });

  it('says why the project could not be loaded and asks the API again on request', async () => {
    const client = openProject({ error: new CombinedError({ graphQLErrors: [new GraphQLError('The service is busy.')] }) });

    expect(screen.getByRole('heading', { level: 1, name: 'Project' })).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Sorry, we could not load this project' })).toBeTruthy();
    const callsBefore = client.executeQuery.mock.calls.length;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(client.executeQuery.mock.calls.length).toBe(callsBefore + 1);
    // urql passes the request's context as a second argument, which the mock's signature leaves out.
    const [, context] = client.executeQuery.mock.lastCall as unknown[];
    expect(context).toMatchObject({ requestPolicy: 'network-only' });
  });

  it('says the project was not found when the API returns null', () => {
    openProject({ data: { project: null } });

    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Project not found']);
  });

  it('shows the project under its organisation, and says when it has no requests', () => {
    openProject({ data: { project: hospiceDashboards } });

    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('St Luke’s Hospice – Hospice discharge dashboards');
    expect(screen.getByText('Fewer delayed discharges.')).toBeTruthy();
    expect(screen.getByText('This project has no requests for analyst time yet.')).toBeTruthy();
  });
});
