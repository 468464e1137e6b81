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
  status: 'ACTIVE',
  version: 4,
  open: true,
  viewerCanManage: false,
  organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' },
  requests: [],
};

const forecastRequest = {
  id: 'request-forecast',
  title: 'Discharge forecast',
  fte: 0.4,
  startWeek: '2027-01-04',
  endWeek: '2027-03-29',
  priority: 'HIGH',
  openToDevelopment: false,
  status: 'SUBMITTED',
  version: 2,
  editable: true,
  cancellable: true,
  requiredSkills: [{ minLevel: 3, skill: { id: 'skill-sql', name: 'SQL' } }],
  desiredSkills: [],
};

function openProject(answer: Answer, cancelProject: Answer = 'pending') {
  const client = mockClient({ Project: answer, CancelProject: cancelProject, SubmitRequest: 'pending' });
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

  it('offers nothing to change to someone who does not manage it', () => {
    openProject({ data: { project: { ...hospiceDashboards, requests: [forecastRequest] } } });

    expect(screen.getByRole('link', { name: 'Discharge forecast' }).getAttribute('href')).toBe('/requests/request-forecast');
    expect(screen.queryByRole('link', { name: 'Change the project' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel this project' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add a request' })).toBeNull();
  });

  it('lets its managers change it, add requests, and cancel it only after they confirm', async () => {
    const user = userEvent.setup();
    const cancelled = { data: { cancelProject: { id: 'project-dashboards', status: 'CANCELLED', version: 5, open: false, requests: [] } } };
    const client = openProject({ data: { project: { ...hospiceDashboards, viewerCanManage: true, requests: [forecastRequest] } } }, cancelled);

    expect(screen.getByRole('link', { name: 'Change the project' }).getAttribute('href')).toBe('/projects/project-dashboards/edit');
    expect(screen.getByRole('link', { name: 'Add a request' }).getAttribute('href')).toBe('/projects/project-dashboards/requests/new');
    await user.click(screen.getByRole('button', { name: 'Cancel this project' }));
    expect(screen.getByText(/Its 1 open request will be cancelled too/)).toBeTruthy();
    expect(client.executeMutation).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(client.executeMutation).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel this project' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the project' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ id: 'project-dashboards', version: 4 });
  });

  it("shows the API's refusal of a cancel at the top of the page, with a reload when the project changed meanwhile", async () => {
    const user = userEvent.setup();
    const stale = { error: new CombinedError({ graphQLErrors: [new GraphQLError('Project was changed', { extensions: { code: 'STALE_VERSION' } })] }) };
    openProject({ data: { project: { ...hospiceDashboards, viewerCanManage: true } } }, stale);

    await user.click(screen.getByRole('button', { name: 'Cancel this project' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the project' }));
    const heading = await screen.findByRole('heading', { name: 'There is a problem' });
    const summary = heading.closest('.nhsuk-error-summary');
    expect(summary!.textContent).toMatch(/Someone else changed this project/);
    expect(document.activeElement).toBe(summary);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('lets its managers change a request that is still editable and submit a draft from the list', async () => {
    const user = userEvent.setup();
    const draft = { ...forecastRequest, id: 'request-draft', title: 'Ward dashboards', status: 'DRAFT', version: 1 };
    const locked = { ...forecastRequest, editable: false };
    const client = openProject({ data: { project: { ...hospiceDashboards, viewerCanManage: true, requests: [draft, locked] } } });

    expect(screen.getByRole('link', { name: 'Change Ward dashboards' }).getAttribute('href')).toBe('/requests/request-draft/edit');
    expect(screen.queryByRole('link', { name: 'Change Discharge forecast' })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Submit / }).map((button) => button.textContent)).toEqual(['Submit Ward dashboards']);
    await user.click(screen.getByRole('button', { name: 'Submit Ward dashboards' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ id: 'request-draft', version: 1 });
  });
});
