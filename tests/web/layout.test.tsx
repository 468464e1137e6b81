// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../web/src/App.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const ics = { id: 'ics-north-dales', name: 'North Dales Integrated Care System' };

const signedIn = (role: string, name: string): Answer => ({
  data: { me: { id: `user-${role}`, name, role, organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' }, analyst: null, ics } },
});

const home: Answer = {
  data: { ics, poolSummary: { organisations: 13, analysts: 127, openRequests: 67 } },
};

function openApp(me: Answer, url: string) {
  const client = mockClient({ Me: me, Home: home, MyActions: { data: { myActions: { totalCount: 0, items: [] } } } });
  renderPage(
    <SessionProvider>
      <AppRoutes />
    </SessionProvider>,
    { client, url },
  );
}

function navigationLinks(): string[] {
  const navigation = screen.getByRole('navigation', { name: 'Main' });
  return within(navigation)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('layout', () => {
  it('gives a workforce lead every section, with their name, role and a way to sign out', () => {
    openApp(signedIn('WORKFORCE_LEAD', 'Wendy Hart'), '/');

    expect(navigationLinks()).toEqual(['Home', 'Analysts', 'Organisations', 'Projects', 'My projects', 'Allocations', 'Matching', 'Careers', 'Insight', 'Import and export', 'Audit log', 'Users']);
    const account = screen.getByRole('navigation', { name: 'Your account' });
    expect(account.textContent).toContain('Wendy Hart');
    expect(account.textContent).toContain('ICS workforce lead');
    expect(within(account).getByRole('link', { name: 'Change your password' }).getAttribute('href')).toBe('/account/password');
    expect(within(account).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#maincontent');
    expect(screen.getByText('127')).toBeTruthy();
  });

  it('leaves organisations out of an analyst’s navigation and refuses the page', () => {
    openApp(signedIn('ANALYST', 'Sam Carter'), '/organisations');

    expect(navigationLinks()).toEqual(['Home', 'Analysts', 'Projects', 'Allocations', 'My profile', 'Opportunities', 'Careers', 'Insight']);
    expect(screen.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeTruthy();
    expect(screen.getByText('This part of Analyst Pool is for ICS workforce leads.')).toBeTruthy();
  });

  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    openApp({ data: { me: null } }, '/analysts?q=sql');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy());
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('sends someone signed in with a temporary password to choose their own, with no navigation', async () => {
    const me = signedIn('ORGANISATION_LEAD', 'Helen Marsh') as { data: { me: Record<string, unknown> } };
    openApp({ data: { me: { ...me.data.me, passwordChangeRequired: true } } }, '/analysts');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Choose your own password' })).toBeTruthy());
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Cancel' })).toBeNull();
  });

  it('has one h1 on the page-not-found page', () => {
    openApp(signedIn('ORGANISATION_LEAD', 'Helen Marsh'), '/no-such-page');

    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Page not found']);
    expect(document.title).toBe('Page not found – Analyst Pool');
  });
});
