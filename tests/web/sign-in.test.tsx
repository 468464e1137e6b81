// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { SignInPage } from '../../web/src/pages/SignInPage.tsx';
import { mockClient, renderPage } from './support/render.tsx';

function loginFails(message: string, extensions: Record<string, unknown>) {
  return mockClient({ Login: { error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] }) } });
}

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText('Email address'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

function errorSummary(): HTMLElement {
  const title = screen.getByRole('heading', { name: 'There is a problem' });
  const summary = title.closest<HTMLElement>('.nhsuk-error-summary');
  if (!summary) throw new Error('The error summary is missing');
  return summary;
}

describe('sign-in page', () => {
  it('shows the server message for wrong credentials in an error summary that takes focus and links to the email field', async () => {
    const client = loginFails('Email address or password is incorrect.', { code: 'INVALID_CREDENTIALS' });
    renderPage(<SignInPage />, { client, url: '/sign-in' });

    await signIn('lead@example.nhs.uk', 'not-the-password');

    const summary = errorSummary();
    const link = within(summary).getByRole('link', { name: 'Email address or password is incorrect.' });
    expect(link.getAttribute('href')).toBe('#email');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByLabelText('Email address').getAttribute('aria-describedby')).toContain('email--error-message');
    expect(document.title).toBe('Error: Sign in – Analyst Pool');
    expect(client.executeMutation).toHaveBeenCalledTimes(1);
    expect(client.executeMutation.mock.calls[0]?.[0].variables).toEqual({
      email: 'lead@example.nhs.uk',
      password: 'not-the-password',
    });
  });

  it('shows the rate-limit refusal in the error summary in the server\'s words', async () => {
    const message = 'Too many failed attempts to sign in. Wait 15 minutes, then try again.';
    const client = loginFails(message, { code: 'TOO_MANY_ATTEMPTS' });
    renderPage(<SignInPage />, { client, url: '/sign-in' });

    await signIn('lead@example.nhs.uk', 'the-right-password');

    const summary = errorSummary();
    expect(within(summary).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([[message, '#email']]);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('links each VALIDATION_FAILED field message to its field', async () => {
    const client = loginFails('Check the details you entered.', {
      code: 'VALIDATION_FAILED',
      fields: [
        { path: ['email'], message: 'Enter an email address in the correct format, like name@example.com' },
        { path: ['password'], message: 'Password must be 200 characters or fewer' },
      ],
    });
    renderPage(<SignInPage />, { client, url: '/sign-in' });

    await signIn('not-an-email', 'x');

    const summary = errorSummary();
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Enter an email address in the correct format, like name@example.com', '#email'],
      ['Password must be 200 characters or fewer', '#password'],
    ]);
  });

  it('asks for both fields before calling the API', async () => {
    const client = mockClient({});
    renderPage(<SignInPage />, { client, url: '/sign-in' });

    await signIn('', '');

    const links = within(errorSummary()).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Enter your email address', 'Enter your password']);
    expect(client.executeMutation).not.toHaveBeenCalled();
  });
});
