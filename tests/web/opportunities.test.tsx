// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getOperationName } from 'urql';
import { describe, expect, it } from 'vitest';
import { OpportunitiesPage } from '../../web/src/pages/opportunities/OpportunitiesPage.tsx';
import { OpportunityPage } from '../../web/src/pages/opportunities/OpportunityPage.tsx';
import { mockClient, renderPage } from './support/render.tsx';

const development = {
  requestId: 'request-frailty',
  title: 'Frailty risk model',
  projectTitle: 'Frailty pathway',
  organisationName: 'Riverside University Hospitals',
  startWeek: '2027-01-11',
  weekCount: 8,
  openFte: 0.4,
  availableFte: 0.2,
  kind: 'DEVELOPMENT',
  interested: false,
  grows: [{ skillId: 'skill-stats', skillName: 'Statistical modelling', targetLevel: 3 }],
  development: { mentors: [{ analystId: 'analyst-maya' }] },
};
const standard = { ...development, requestId: 'request-sql', title: 'Bed occupancy extract', kind: 'STANDARD', availableFte: 0.3, grows: [], development: null };

describe('the opportunities list', () => {
  it('lists each opportunity with who it is for, the time it needs from you and the aims it grows', () => {
    renderPage(<OpportunitiesPage />, { client: mockClient({ Opportunities: { data: { opportunities: [development, standard] } } }), url: '/opportunities' });

    const table = screen.getByRole('table', { name: '2 opportunities' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link', { name: 'Frailty risk model' }).getAttribute('href')).toBe('/opportunities/request-frailty');
    expect(rows[0]!.textContent).toContain('Development placement');
    expect(rows[0]!.textContent).toContain('Up to 0.2 FTE of 0.4 FTE open');
    expect(rows[0]!.textContent).toContain('Statistical modelling towards 3 Practitioner');
    expect(rows[1]!.textContent).toContain('None of your aims');
  });

  it('says what to do when nothing fits', () => {
    renderPage(<OpportunitiesPage />, { client: mockClient({ Opportunities: { data: { opportunities: [] } } }), url: '/opportunities' });
    expect(screen.getByRole('heading', { name: 'No opportunities right now' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /profile/ }).length).toBeGreaterThan(0);
  });
});

describe('an opportunity', () => {
  const detail = {
    ...development,
    description: 'Predict frailty from primary care records.',
    endWeek: '2027-03-01',
    requestedFte: 0.4,
    explanation: ['It would be a development placement: you are one level short on Statistical modelling.', 'Maya Patel (4 Expert) could mentor you.'],
    skills: [{ skillId: 'skill-stats', skillName: 'Statistical modelling', required: true, wantedLevel: 3, yourLevel: 2 }],
    development: { skillName: 'Statistical modelling', yourLevel: 2, requiredLevel: 3, mentors: [{ analystId: 'analyst-maya', name: 'Maya Patel', level: 4 }] },
  };

  it('explains why it fits, names the mentor and records interest', async () => {
    const user = userEvent.setup();
    const client = mockClient({
      Opportunity: { data: { opportunity: detail } },
      ExpressInterest: { data: { expressInterest: { requestId: 'request-frailty', interested: true } } },
    });
    renderPage(<OpportunityPage />, { client, url: '/opportunities/request-frailty', route: '/opportunities/:requestId' });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Frailty risk model');
    expect(screen.getByText('Maya Patel (4 Expert) could mentor you.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Maya Patel' }).getAttribute('href')).toBe('/analysts/analyst-maya');
    const skills = within(screen.getByRole('table', { name: 'Skills the request asks for' })).getAllByRole('row').slice(1);
    expect(skills.map((row) => row.textContent)).toEqual(['Statistical modellingMust-have3 Practitioner2 Working']);

    await user.click(screen.getByRole('button', { name: 'Express interest' }));
    await waitFor(() => expect(client.executeMutation).toHaveBeenCalledTimes(1));
    const [request] = client.executeMutation.mock.calls[0]!;
    expect(getOperationName(request.query)).toBe('ExpressInterest');
    expect(request.variables).toEqual({ requestId: 'request-frailty' });
  });

  it('says so when the request is no longer an opportunity', () => {
    renderPage(<OpportunityPage />, {
      client: mockClient({ Opportunity: { data: { opportunity: null } } }),
      url: '/opportunities/request-gone',
      route: '/opportunities/:requestId',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Opportunity not found' })).toBeTruthy();
  });
});
