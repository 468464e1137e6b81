// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { NewUserPage } from '../../web/src/pages/users/NewUserPage.tsx';
import { UserPage } from '../../web/src/pages/users/UserPage.tsx';
import { UsersPage } from '../../web/src/pages/users/UsersPage.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const hospice = { id: 'org-hospice', name: 'St Luke’s Hospice' };
const me: Answer = { data: { me: { id: 'user-wendy', name: 'Wendy Hart', role: 'WORKFORCE_LEAD', organisation: null, analyst: null, ics: { id: 'ics-1', name: 'North Dales' } } } };
const organisationOptions: Answer = { data: { organisations: { edges: [{ node: { id: 'org-icb', name: 'North Dales ICB' } }, { node: hospice }] } } };

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  passwordChangeRequired: boolean;
  lastSignInAt: string | null;
  organisation: { id: string; name: string } | null;
  analyst: { id: string; name: string } | null;
}

const helen: UserRow = {
  id: 'user-helen',
  email: 'helen.marsh@stlukes.example',
  name: 'Helen Marsh',
  role: 'ORGANISATION_LEAD',
  disabled: false,
  passwordChangeRequired: true,
  lastSignInAt: null,
  organisation: hospice,
  analyst: null,
};
const sam: UserRow = { ...helen, id: 'user-sam', email: 'sam.carter@stlukes.example', name: 'Sam Carter', role: 'ANALYST', passwordChangeRequired: false, disabled: true, lastSignInAt: '2026-11-20T09:30:00.000Z', analyst: { id: 'analyst-sam', name: 'Sam Carter' } };

function usersAnswer(users: readonly UserRow[]): Answer {
  return { data: { users: { totalCount: users.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: users.map((node) => ({ node })) } } };
}

function open(page: React.ReactElement, url: string, answers: Record<string, Answer>, route?: string) {
  const client = mockClient({ Me: me, OrganisationOptions: organisationOptions, ...answers });
  renderPage(<SessionProvider>{page}</SessionProvider>, { client, url, route });
  return client;
}

const refused = (code: string, message: string, fields?: { path: string[]; message: string }[]): Answer => ({
  error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...(fields ? { fields } : {}) } })] }),
});

describe('the users page', () => {
  it('says it is loading until the accounts arrive', () => {
    open(<UsersPage />, '/users', { Users: 'pending' });
    expect(screen.getByRole('status').textContent).toBe('Loading users…');
  });

  it('lists the accounts with role, organisation, analyst, state and last sign-in', async () => {
    open(<UsersPage />, '/users', { Users: usersAnswer([helen, sam]) });

    const table = await screen.findByRole('table', { name: 'Users, page 1' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.lastChild?.textContent));
    expect(rows).toEqual([
      ['helen.marsh@stlukes.example', 'Helen Marsh', 'Organisation lead', 'St Luke’s Hospice', 'None', 'Enabled, temporary password', 'Never'],
      ['sam.carter@stlukes.example', 'Sam Carter', 'Analyst', 'St Luke’s Hospice', 'Sam Carter', 'Disabled', '20 Nov 2026, 09:30 UTC'],
    ]);
    expect(within(table).getByRole('link', { name: 'helen.marsh@stlukes.example' }).getAttribute('href')).toBe('/users/user-helen');
    expect(screen.getByRole('link', { name: 'Create a user' }).getAttribute('href')).toBe('/users/new');
  });

  it('sends the filters from the address to the API and says when nothing matches', async () => {
    const client = open(<UsersPage />, '/users?q=marsh&role=ORGANISATION_LEAD&organisation=org-hospice&state=disabled', { Users: usersAnswer([]) });

    await screen.findByText('No users match these filters.');
    expect(lastVariables(client, 'Users')).toEqual({
      first: 25,
      after: null,
      filter: { search: 'marsh', role: 'ORGANISATION_LEAD', organisationId: 'org-hospice', disabled: true },
    });
    expect((screen.getByLabelText('Email or name') as HTMLInputElement).value).toBe('marsh');
  });

  it('shows why the list could not be loaded', async () => {
    open(<UsersPage />, '/users', { Users: refused('FORBIDDEN', 'You are not allowed to do this.') });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('You are not allowed to do this.'));
  });
});

describe('creating a user', () => {
  it('checks what it can before sending, then asks the API and shows its refusals on the fields', async () => {
    const user = userEvent.setup();
    const client = open(<NewUserPage />, '/users/new', {
      AnalystsWithoutAccount: { data: { analystsWithoutAccount: [{ id: 'analyst-dev', name: 'Dev Sharma' }] } },
      CreateUser: refused('VALIDATION_FAILED', 'Invalid input', [{ path: ['input', 'email'], message: 'An account with this email address already exists.' }]),
    });

    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.nhsuk-error-summary') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#email', '#name', '#role', '#temporaryPassword']);
    expect(client.executeMutation).not.toHaveBeenCalled();
    expect(document.title).toBe('Error: Create a user – Analyst Pool');

    await user.type(screen.getByLabelText('Email address'), 'dev.sharma@northbank.example');
    await user.type(screen.getByLabelText('Full name'), 'Dev Sharma');
    await user.click(screen.getByLabelText('Analyst'));
    await user.selectOptions(screen.getByLabelText('Organisation'), 'org-hospice');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Analyst' }), 'analyst-dev');
    await user.type(screen.getByLabelText('Temporary password'), 'Temporary-pass-4821');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({
      input: { email: 'dev.sharma@northbank.example', name: 'Dev Sharma', role: 'ANALYST', organisationId: 'org-hospice', analystId: 'analyst-dev', temporaryPassword: 'Temporary-pass-4821' },
    });
    await waitFor(() => expect(document.getElementById('email--error-message')?.textContent).toMatch(/already exists/));
  });
});

describe('a user’s page', () => {
  it('shows the account and disables it, saying what happened', async () => {
    const user = userEvent.setup();
    const client = open(<UserPage />, '/users/user-helen', { User: { data: { user: helen } }, SetUserDisabled: { data: { setUserDisabled: { id: helen.id, disabled: true } } } }, '/users/:id');

    await screen.findByRole('heading', { level: 1, name: /Helen Marsh/ });
    expect(screen.getByText('Enabled, temporary password')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Change role or organisation' }).getAttribute('href')).toBe('/users/user-helen/access');
    expect(screen.getByRole('link', { name: 'Reset password' }).getAttribute('href')).toBe('/users/user-helen/password');

    await user.click(screen.getByRole('button', { name: 'Disable account' }));
    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ id: 'user-helen', disabled: true });
    expect((await screen.findByRole('status')).textContent).toBe('Helen Marsh can no longer sign in, and has been signed out.');
  });

  it('shows a refusal in the error summary', async () => {
    const user = userEvent.setup();
    open(<UserPage />, '/users/user-helen', { User: { data: { user: helen } }, SetUserDisabled: refused('LAST_WORKFORCE_LEAD', 'This is the last enabled workforce lead of your ICS.') }, '/users/:id');

    await user.click(await screen.findByRole('button', { name: 'Disable account' }));
    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('.nhsuk-error-summary') as HTMLElement;
    expect(summary.textContent).toContain('This is the last enabled workforce lead of your ICS.');
  });

  it('offers no changes on your own account', async () => {
    open(<UserPage />, '/users/user-wendy', { User: { data: { user: { ...helen, id: 'user-wendy', name: 'Wendy Hart' } } } }, '/users/:id');

    await screen.findByRole('heading', { level: 1, name: /Wendy Hart/ });
    expect(screen.queryByRole('button', { name: 'Disable account' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Change your password' })).toBeTruthy();
  });

  it('says when there is no such user in the ICS', async () => {
    open(<UserPage />, '/users/unknown', { User: { data: { user: null } } }, '/users/:id');
    expect(await screen.findByRole('heading', { level: 1, name: 'User not found' })).toBeTruthy();
  });
});
