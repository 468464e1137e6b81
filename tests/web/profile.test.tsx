// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProfilePage } from '../../web/src/pages/analysts/ProfilePage.tsx';
import { tomsProfile } from './support/analyst-profile.ts';
import { lastVariables, mockClient, renderPage } from './support/render.tsx';

const notice = 'Visible to the analyst, their organisation lead and workforce leads';

function analyst(personal: { email: string | null; availabilities: unknown[] | null }) {
  return tomsProfile({
    targetRole: { id: 'role-senior', name: 'Senior analyst, band 7' },
    skills: [
      { level: 3, lastEvidencedAt: '2026-06-01', skill: { id: 'skill-sql', name: 'SQL' } },
      { level: 1, lastEvidencedAt: null, skill: { id: 'skill-python', name: 'Python' } },
    ],
    aspirations: [{ targetLevel: 2, skill: { id: 'skill-python', name: 'Python' } }],
    ...personal,
  });
}

function openProfile(data: ReturnType<typeof analyst> | null) {
  const client = mockClient({ AnalystProfile: { data: { analyst: data } } });
  renderPage(<ProfilePage />, { client, url: '/analysts/analyst-tom', route: '/analysts/:id' });
  return client;
}

describe('analyst profile', () => {
  it('hides email and availability when the API withholds them, saying who can see them', () => {
    const client = openProfile(analyst({ email: null, availabilities: null }));

    expect(lastVariables(client, 'AnalystProfile')).toEqual({ id: 'analyst-tom', allocationsFirst: 20 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Tom Okafor');
    expect(screen.getByText(`${notice}.`)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /@/ })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Leave and reduced availability' })).toBeNull();
  });

  it('shows email and availability to those allowed to see them', () => {
    openProfile(
      analyst({
        email: 'tom.okafor@riverside.gov.uk',
        availabilities: [{ id: 'leave-1', startWeek: '2027-01-04', endWeek: '2027-01-11', availableFraction: 0 }],
      }),
    );

    expect(screen.getByRole('link', { name: 'tom.okafor@riverside.gov.uk' }).getAttribute('href')).toBe(
      'mailto:tom.okafor@riverside.gov.uk',
    );
    const leave = screen.getByRole('table', { name: 'Leave and reduced availability' });
    expect(within(leave).getByText('4 January 2027')).toBeTruthy();
    expect(within(leave).getByText('0% of pooled time')).toBeTruthy();
    expect(screen.queryByText(`${notice}.`)).toBeNull();
  });

  it('names each skill level and says when there are no allocations', () => {
    openProfile(analyst({ email: null, availabilities: null }));

    const skills = screen.getByRole('table', { name: /Skills and levels/ });
    const rows = within(skills).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual(['SQL3 Practitioner1 June 2026', 'Python1 AwarenessNot evidenced yet']);
    expect(screen.getByText('Python: aiming for 2 Working (now 1 Awareness)')).toBeTruthy();
    expect(screen.getByText('Tom Okafor has no allocations yet.')).toBeTruthy();
  });

  it('says the analyst was not found when the API returns null', () => {
    openProfile(null);

    expect(screen.getByRole('heading', { level: 1, name: 'Analyst not found' })).toBeTruthy();
  });
});
