// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, getOperationName } from 'urql';
import { beforeAll, describe, expect, it } from 'vitest';
import { MyCareerPath } from '../../web/src/pages/career/MyCareerPath.tsx';
import { MyProfilePage } from '../../web/src/pages/my-profile/MyProfilePage.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

beforeAll(() => {
  // Charts size themselves with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const careerPath = {
  analystId: 'analyst-aisha',
  readiness: 0.5,
  targetRole: { id: 'role-senior', name: 'Senior analyst, band 7', band: 'BAND_7' },
  gaps: [
    { skillId: 'skill-stats', skillName: 'Statistical modelling', requiredLevel: 3, currentLevel: 2, evidencedLevel: null, gap: 1 },
    { skillId: 'skill-sql', skillName: 'SQL', requiredLevel: 3, currentLevel: 3, evidencedLevel: 3, gap: 0 },
  ],
  closingOpportunities: [
    {
      requestId: 'request-frailty',
      title: 'Frailty risk model',
      organisationName: 'Riverside University Hospitals',
      startWeek: '2027-01-11',
      kind: 'DEVELOPMENT',
      grows: [{ skillId: 'skill-stats', skillName: 'Statistical modelling' }],
    },
  ],
  history: [
    {
      id: 'evidence-1',
      skillName: 'SQL',
      fromLevel: 2,
      toLevel: 3,
      evidencedAt: '2026-06-01T10:00:00.000Z',
      evidencedByName: 'Arjun Mehta',
      requestTitle: 'Theatre session analysis',
      rating: 5,
      comment: 'Clear and quick.',
    },
  ],
};

describe('my career path', () => {
  it('shows the gap to the target role as a chart with a table of the same numbers, the work that closes it and evidenced progress', () => {
    renderPage(<MyCareerPath />, {
      client: mockClient({ MyCareerPath: { data: { careerPath } }, CalendarFeed: { data: { hasCalendarFeed: false } } }),
      url: '/career',
    });

    expect(screen.getByRole('heading', { name: 'Towards Senior analyst, band 7 (Band 7)' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Bar chart of your level/ })).toBeTruthy();
    const gaps = within(screen.getByRole('table', { name: 'Your skills against Senior analyst, band 7' })).getAllByRole('row').slice(1);
    expect(gaps.map((row) => row.textContent)).toEqual([
      'Statistical modellingYour level 2 WorkingRole requires 3 PractitionerGap 1 level to go',
      'SQLYour level 3 Practitioner (evidenced 3 Practitioner)Role requires 3 PractitionerGap Met',
    ]);
    expect(screen.getByRole('link', { name: 'Frailty risk model' }).getAttribute('href')).toBe('/opportunities/request-frailty');
    const history = within(screen.getByRole('table', { name: '1 evidenced change' })).getAllByRole('row').slice(1);
    expect(history[0]!.textContent).toContain('2 Working to 3 Practitioner');
    expect(history[0]!.textContent).toContain('5 out of 5: Clear and quick.');
    expect(screen.getByRole('button', { name: 'Get a calendar link' })).toBeTruthy();
  });

  it('asks for a target role when there is none', () => {
    renderPage(<MyCareerPath />, {
      client: mockClient({
        MyCareerPath: { data: { careerPath: { ...careerPath, targetRole: null, gaps: [], closingOpportunities: [], history: [] } } },
        CalendarFeed: { data: { hasCalendarFeed: true } },
      }),
      url: '/career',
    });
    expect(screen.getByRole('heading', { name: 'No target role yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Get a new calendar link' })).toBeTruthy();
  });
});

const profile = {
  me: {
    id: 'user-aisha',
    analyst: {
      id: 'analyst-aisha',
      version: 4,
      name: 'Aisha Khan',
      workPreference: 'HYBRID',
      sectorsOfInterest: ['HOSPICE'],
      targetRole: { id: 'role-senior' },
      skills: [
        { level: 3, evidencedLevel: 3, lastEvidencedAt: '2026-06-01', skill: { id: 'skill-sql', name: 'SQL' } },
        { level: 2, evidencedLevel: null, lastEvidencedAt: null, skill: { id: 'skill-stats', name: 'Statistical modelling' } },
      ],
      aspirations: [],
      availabilities: [],
    },
  },
  skills: { edges: [{ node: { id: 'skill-sql', name: 'SQL' } }, { node: { id: 'skill-stats', name: 'Statistical modelling' } }] },
  roleProfiles: { edges: [{ node: { id: 'role-senior', name: 'Senior analyst, band 7', band: 'BAND_7' } }] },
};

function openProfile(update: Answer) {
  const client = mockClient({ MyProfile: { data: profile }, UpdateMyProfile: update });
  renderPage(<MyProfilePage />, { client, url: '/my-profile' });
  return client;
}

describe('my skills and aspirations', () => {
  it('never offers a level below what completed work evidenced, and aims only above the current level', () => {
    openProfile({ data: { updateAnalystProfile: { id: 'analyst-aisha', version: 5 } } });
    const options = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map((option) => option.textContent);
    expect(options('SQL: your level')).toEqual(['3 Practitioner', '4 Expert']);
    expect(options('Statistical modelling: your level')).toEqual(['Not held', '1 Awareness', '2 Working', '3 Practitioner', '4 Expert']);
    expect(options('Statistical modelling: level you aim for')).toEqual(['No aim', '3 Practitioner', '4 Expert']);
    expect(screen.getByText('Evidenced at 3 Practitioner on 1 June 2026')).toBeTruthy();
  });

  it('sends the whole profile with its version: aspiration, target role and weeks away', async () => {
    const user = userEvent.setup();
    const client = openProfile({ data: { updateAnalystProfile: { id: 'analyst-aisha', version: 5 } } });
    await user.selectOptions(screen.getByLabelText('Statistical modelling: level you aim for'), '3');
    await user.click(screen.getByRole('button', { name: 'Add weeks away' }));
    await user.type(screen.getByLabelText('Period 1: first week'), '2027-02-01');
    await user.type(screen.getByLabelText('Period 1: last week'), '2027-02-08');
    await user.click(screen.getByRole('button', { name: 'Save my profile' }));

    await waitFor(() => expect(client.executeMutation).toHaveBeenCalledTimes(1));
    const [request] = client.executeMutation.mock.calls[0]!;
    expect(getOperationName(request.query)).toBe('UpdateMyProfile');
    expect(request.variables).toEqual({
      id: 'analyst-aisha',
      version: 4,
      input: {
        workPreference: 'HYBRID',
        sectorsOfInterest: ['HOSPICE'],
        targetRoleId: 'role-senior',
        skills: [
          { skillId: 'skill-sql', level: 3 },
          { skillId: 'skill-stats', level: 2 },
        ],
        aspirations: [{ skillId: 'skill-stats', targetLevel: 3 }],
        availability: [{ startWeek: '2027-02-01', endWeek: '2027-02-08', availableFraction: 0 }],
      },
    });
    expect(await screen.findByText(/Your profile is saved/)).toBeTruthy();
  });

  it("links the server's field problems to the fields that set them", async () => {
    const user = userEvent.setup();
    const refusal = new GraphQLError('Invalid input', {
      extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'skills', 1, 'level'], message: 'Choose a level from 1 to 4.' }] },
    });
    openProfile({ error: new CombinedError({ graphQLErrors: [refusal] }) });
    await user.click(screen.getByRole('button', { name: 'Save my profile' }));

    const summary = (await screen.findByRole('heading', { name: 'There is a problem' })).closest('div.nhsuk-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: 'Choose a level from 1 to 4.' }).getAttribute('href')).toBe('#level-skill-stats');
    expect(document.getElementById('level-skill-stats')!.getAttribute('aria-describedby')).toBe('level-skill-stats-error');
  });
});
