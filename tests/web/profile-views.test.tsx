// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { ProfileViewsPage } from '../../web/src/pages/audit/ProfileViewsPage.tsx';
import { MyProfileViewsPage } from '../../web/src/pages/my-profile/MyProfileViewsPage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const byArjun = {
  id: 'read-1',
  view: 'PROFILE',
  readAt: '2026-11-25T10:15:00.000Z',
  readerName: 'Arjun Mehta',
  readerRole: 'ORGANISATION_LEAD',
  readerOrganisationName: 'Riverside University Hospitals',
  analyst: { id: 'analyst-aisha', name: 'Aisha Khan' },
};

const byWendy = {
  id: 'read-2',
  view: 'CAREER_PATH',
  readAt: '2026-11-24T16:40:00.000Z',
  readerName: 'Wendy Lau',
  readerRole: 'WORKFORCE_LEAD',
  readerOrganisationName: null,
  analyst: { id: 'analyst-ben', name: 'Ben Okafor' },
};

const reads = (field: 'profileReads' | 'myProfileReads', nodes: unknown[], hasNextPage = false): Answer => ({
  data: {
    [field]: {
      totalCount: nodes.length,
      pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-25' : null },
      edges: nodes.map((node) => ({ node })),
    },
  },
});

function openProfileViews(answer: Answer, url = '/audit/profile-views') {
  const client = mockClient({ ProfileViews: answer });
  renderPage(<ProfileViewsPage />, { client, url });
  return client;
}

describe('profile views for the workforce lead', () => {
  it('says it is loading while the views are on their way', () => {
    openProfileViews('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading profile views…');
  });

  it('explains why the views could not be loaded', () => {
    openProfileViews({ error: new CombinedError({ graphQLErrors: [{ message: 'You are not allowed to do that.' }] }) });
    expect(within(screen.getByRole('alert')).getByText('You are not allowed to do that.')).toBeTruthy();
  });

  it('says when no one has opened another person’s profile', () => {
    openProfileViews(reads('profileReads', []));
    expect(screen.getByText('No one has opened another person’s profile yet.')).toBeTruthy();
  });

  it('lists who opened whose profile and what, newest first, with a way to one analyst’s views', () => {
    const client = openProfileViews(reads('profileReads', [byArjun, byWendy]));

    const table = screen.getByRole('table', { name: 'Profile views, page 1' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first!.textContent).toContain('25 Nov 2026, 10:15');
    expect(first!.textContent).toContain('Arjun Mehta, organisation lead, Riverside University Hospitals');
    expect(first!.textContent).toContain('Profile');
    expect(within(first!).getByRole('link', { name: 'Aisha Khan' }).getAttribute('href')).toBe('/analysts/analyst-aisha');
    expect(within(first!).getByRole('link', { name: 'Every view of Aisha Khan’s profile' }).getAttribute('href')).toBe(
      '/audit/profile-views?analyst=analyst-aisha',
    );
    expect(second!.textContent).toContain('Wendy Lau, workforce lead');
    expect(second!.textContent).toContain('Career path');
    expect(screen.getByText('2 views found')).toBeTruthy();
    expect(lastVariables(client, 'ProfileViews')).toEqual({ first: 25, after: null, filter: {} });
  });

  it('narrows to one analyst from the address, with a way back to every profile', () => {
    const client = openProfileViews(reads('profileReads', [byArjun]), '/audit/profile-views?analyst=analyst-aisha');

    expect(screen.getByRole('table', { name: 'Views of Aisha Khan’s profile, page 1' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Views of every profile' }).getAttribute('href')).toBe('/audit/profile-views');
    expect(lastVariables(client, 'ProfileViews')).toEqual({ first: 25, after: null, filter: { analystId: 'analyst-aisha' } });
  });

  it('says when no one else has opened that analyst’s profile', () => {
    openProfileViews(reads('profileReads', []), '/audit/profile-views?analyst=analyst-aisha');
    expect(screen.getByText('No one else has opened this analyst’s profile.')).toBeTruthy();
  });
});

describe('who has viewed my profile, for the analyst', () => {
  function openMyViews(answer: Answer) {
    const client = mockClient({ MyProfileViews: answer });
    renderPage(<MyProfileViewsPage />, { client, url: '/my-profile/views' });
    return client;
  }

  it('says it is loading, then lists who opened the profile', () => {
    openMyViews('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading who has viewed your profile…');
  });

  it('lists each view with the reader’s name, role and organisation', () => {
    const { analyst: _analyst, ...view } = byArjun;
    openMyViews(reads('myProfileReads', [view]));

    const [row] = within(screen.getByRole('table', { name: 'Views of your profile, page 1' })).getAllByRole('row').slice(1);
    expect(row!.textContent).toContain('Arjun Mehta, organisation lead, Riverside University Hospitals');
    expect(screen.getByText('1 view found')).toBeTruthy();
  });

  it('says when no one else has opened it', () => {
    openMyViews(reads('myProfileReads', []));
    expect(screen.getByText('No one else has opened your profile yet.')).toBeTruthy();
  });
});
