// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { ChangePasswordPage } from '../../web/src/pages/account/ChangePasswordPage.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

function signedIn(passwordChangeRequired: boolean): Answer {
  return { data: { me: { id: 'user-helen', name: 'Helen Marsh', role: 'ORGANISATION_LEAD', passwordChangeRequired, organisation: null, analyst: null, ics: { id: 'ics-1', name: 'North Dales' } } } };
}

function openPage(passwordChangeRequired: boolean, changePassword: Answer) {
  const client = mockClient({ Me: signedIn(passwordChangeRequired), ChangePassword: changePassword });
  renderPage(
    <SessionProvider>
      <ChangePasswordPage />
    </SessionProvider>,
    { client, url: '/account/password' },
  );
  return client;
}

const changed: Answer = { data: { changePassword: { id: 'user-helen', passwordChangeRequired: false } } };

async function fill(current: string, next: string, confirm = next) {
  const user = userEvent.setup();
  if (current) await user.type(screen.getByLabelText(/password$/, { selector: '#currentPassword' }), current);
  if (next) await user.type(screen.getByLabelText('New password'), next);
  if (confirm) await user.type(screen.getByLabelText('Confirm new password'), confirm);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

function summaryLinks(): (string | null)[] {
  const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('.nhsuk-error-summary') as HTMLElement;
  return within(summary).getAllByRole('link').map((link) => `${link.getAttribute('href')} ${link.textContent}`);
}

describe('changing your password', () => {
  it('checks the fields before sending anything', async () => {
    const client = openPage(false, changed);
    await fill('', 'too short', '');
    expect(summaryLinks()).toEqual(['#currentPassword Enter your current password', '#newPassword Enter a password of at least 12 characters']);
    expect(client.executeMutation).not.toHaveBeenCalled();
  });

  it('asks for the same new password twice', async () => {
    openPage(false, changed);
    await fill('my current password', 'a long new passphrase', 'a long new passfrase');
    expect(summaryLinks()).toEqual(['#confirmPassword Enter the same new password twice']);
  });

  it('shows a wrong current password on that field', async () => {
    openPage(false, { error: new CombinedError({ graphQLErrors: [new GraphQLError('Your current password is incorrect.', { extensions: { code: 'INVALID_CREDENTIALS' } })] }) });
    await fill('not my password', 'a long new passphrase');
    await waitFor(() => expect(summaryLinks()).toEqual(['#currentPassword Your current password is incorrect.']));
    expect(document.getElementById('currentPassword--error-message')?.textContent).toMatch(/incorrect/);
  });

  it('changes it and says other devices were signed out', async () => {
    const client = openPage(false, changed);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Change your password');
    await fill('my current password', 'a long new passphrase');
    expect(client.executeMutation.mock.lastCall![0].variables).toEqual({ currentPassword: 'my current password', newPassword: 'a long new passphrase' });
    expect((await screen.findByRole('status')).textContent).toContain('Your password has been changed');
  });

  it('after a temporary password, asks for your own with no way around it', () => {
    openPage(true, changed);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Choose your own password');
    expect(screen.getByLabelText('Temporary password')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Cancel' })).toBeNull();
  });
});
