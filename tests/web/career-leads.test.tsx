// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getOperationName } from 'urql';
import { describe, expect, it } from 'vitest';
import { DevelopmentPlacements } from '../../web/src/pages/career/DevelopmentPlacements.tsx';
import { FeedbackDue } from '../../web/src/pages/career/FeedbackDue.tsx';
import { RoleProfiles } from '../../web/src/pages/career/RoleProfiles.tsx';
import { mockClient, renderPage } from './support/render.tsx';

const due = {
  allocationId: 'allocation-1',
  analystName: 'Aisha Khan',
  requestTitle: 'Frailty risk model',
  projectTitle: 'Frailty pathway',
  startWeek: '2026-09-07',
  endWeek: '2026-11-02',
  skills: [{ skillId: 'skill-stats', skillName: 'Statistical modelling' }],
};

describe('feedback on completed work', () => {
  it('asks for a rating first, then sends the rating, comment and the evidenced skill level', async () => {
    const user = userEvent.setup();
    const client = mockClient({ FeedbackDue: { data: { feedbackDue: [due] } }, GiveFeedback: { data: { giveFeedback: 'feedback-1' } } });
    renderPage(<FeedbackDue />, { client, url: '/career' });
    const submit = screen.getByRole('button', { name: 'Give feedback on Aisha Khan’s work' });

    await user.click(submit);
    const summary = screen.getByRole('heading', { name: 'There is a problem' }).closest('div.nhsuk-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: 'Choose a rating' }).getAttribute('href')).toBe('#feedback-allocation-1-rating');
    expect(client.executeMutation).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByLabelText('How did the work go?'), '5');
    await user.type(screen.getByLabelText('Comment (optional)'), 'A well-validated model.');
    await user.selectOptions(screen.getByLabelText('Skill the work evidenced (optional)'), 'skill-stats');
    await user.selectOptions(screen.getByLabelText('Level the work showed'), '3');
    await user.click(submit);

    await waitFor(() => expect(client.executeMutation).toHaveBeenCalledTimes(1));
    const [request] = client.executeMutation.mock.calls[0]!;
    expect(getOperationName(request.query)).toBe('GiveFeedback');
    expect(request.variables).toEqual({
      input: { allocationId: 'allocation-1', rating: 5, comment: 'A well-validated model.', evidence: { skillId: 'skill-stats', level: 3 } },
    });
  });

  it('says when nothing awaits feedback', () => {
    renderPage(<FeedbackDue />, { client: mockClient({ FeedbackDue: { data: { feedbackDue: [] } } }), url: '/career' });
    expect(screen.getByText('No completed work is waiting for your feedback.')).toBeTruthy();
  });
});

describe('development placements', () => {
  it('tabulates placements by home organisation and band, with each placement and its mentor', () => {
    const report = {
      total: 1,
      byBand: [{ band: 'BAND_6', placements: 1 }],
      byOrganisation: [
        { organisationId: 'org-hospice', organisationName: 'St Brigid’s Hospice', analystCount: 3, placements: 1, analystsPlaced: 1 },
        { organisationId: 'org-acute', organisationName: 'Riverside University Hospitals', analystCount: 9, placements: 0, analystsPlaced: 0 },
      ],
      placements: [
        {
          allocationId: 'allocation-1',
          analystId: 'analyst-aisha',
          analystName: 'Aisha Khan',
          band: 'BAND_6',
          homeOrganisationName: 'St Brigid’s Hospice',
          requestTitle: 'Frailty risk model',
          requestingOrganisationName: 'Riverside University Hospitals',
          startWeek: '2027-01-11',
          endWeek: '2027-03-01',
          status: 'PROPOSED',
          mentorName: 'Maya Patel',
        },
      ],
    };
    renderPage(<DevelopmentPlacements />, { client: mockClient({ DevelopmentPlacements: { data: { developmentPlacements: report } } }), url: '/career' });

    const organisations = within(screen.getByRole('table', { name: 'By the analyst’s home organisation' })).getAllByRole('row').slice(1);
    expect(organisations.map((row) => row.textContent)).toEqual([
      'St Brigid’s HospiceAnalysts 3Placements 1Analysts placed 1',
      'Riverside University HospitalsAnalysts 9Placements 0Analysts placed 0',
    ]);
    const placements = within(screen.getByRole('table', { name: 'Placements, newest first' })).getAllByRole('row').slice(1);
    expect(placements[0]!.textContent).toContain('Maya Patel');
    expect(within(placements[0]!).getByRole('link', { name: 'Aisha Khan' }).getAttribute('href')).toBe('/analysts/analyst-aisha');
  });
});

describe('role profiles', () => {
  it('edits a role profile with its version and the level required per skill', async () => {
    const user = userEvent.setup();
    const role = {
      id: 'role-senior',
      name: 'Senior analyst, band 7',
      band: 'BAND_7',
      description: '',
      version: 2,
      requirements: [{ level: 3, skill: { id: 'skill-sql', name: 'SQL' } }],
    };
    const client = mockClient({
      RoleProfiles: {
        data: {
          roleProfiles: { edges: [{ node: role }] },
          skills: { edges: [{ node: { id: 'skill-sql', name: 'SQL' } }, { node: { id: 'skill-stats', name: 'Statistical modelling' } }] },
        },
      },
      UpdateRoleProfile: { data: { updateRoleProfile: { id: 'role-senior', version: 3 } } },
    });
    renderPage(<RoleProfiles />, { client, url: '/career' });

    await user.click(screen.getByRole('button', { name: 'Edit Senior analyst, band 7' }));
    await user.selectOptions(screen.getByLabelText('Statistical modelling: level required'), '3');
    await user.click(screen.getByRole('button', { name: 'Save role profile' }));

    await waitFor(() => expect(client.executeMutation).toHaveBeenCalledTimes(1));
    const [request] = client.executeMutation.mock.calls[0]!;
    expect(request.variables).toEqual({
      id: 'role-senior',
      version: 2,
      input: {
        name: 'Senior analyst, band 7',
        band: 'BAND_7',
        description: '',
        requirements: [
          { skillId: 'skill-sql', level: 3 },
          { skillId: 'skill-stats', level: 3 },
        ],
      },
    });
  });
});
