// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TimelinePage } from '../../web/src/pages/allocations/TimelinePage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const options: Answer = {
  data: {
    organisations: { edges: [{ node: { id: 'org-hospice', name: 'St Aidan’s Hospice' } }] },
    skills: { edges: [{ node: { id: 'skill-sql', name: 'SQL' } }] },
  },
};

const timeline = (edges: unknown[], totalCount = edges.length): Answer => ({ data: { allocations: { totalCount, edges } } });

const node = {
  node: {
    id: 'a1',
    fte: 0.4,
    startWeek: '2027-01-04',
    endWeek: '2027-02-01',
    status: 'ACCEPTED',
    analyst: { id: 'analyst-ravi', name: 'Ravi Patel' },
    request: { id: 'r1', title: 'Bereavement dashboards', organisation: { id: 'org-hospice', name: 'St Aidan’s Hospice' } },
  },
};

function openTimeline(answer: Answer, url: string) {
  const client = mockClient({ AllocationsTimeline: answer, DirectoryFilterOptions: options });
  renderPage(<TimelinePage />, { client, url });
  return client;
}

describe('allocations timeline page', () => {
  it('asks for the live allocations overlapping the weeks chosen, any day standing for its week', () => {
    const client = openTimeline(timeline([node]), '/allocations/timeline?from=2027-01-06&weeks=8&organisation=org-hospice&skill=skill-sql');

    expect(lastVariables(client, 'AllocationsTimeline')).toEqual({
      filter: {
        organisationId: 'org-hospice',
        skillId: 'skill-sql',
        fromWeek: '2027-01-04',
        toWeek: '2027-02-22',
        statuses: ['PROPOSED', 'ACCEPTED', 'ACTIVE', 'COMPLETED'],
      },
    });
    expect(screen.getByRole('img', { name: /^Allocations for 8 weeks from 4 January 2027/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Allocations for 8 weeks from 4 January 2027' }).textContent).toContain('Ravi Patel');
  });

  it('applies the filters from the form through the URL', async () => {
    const client = openTimeline(timeline([]), '/allocations/timeline?from=2027-01-04');
    const user = userEvent.setup();

    expect(screen.getByText(/^No analyst has agreed or proposed work in these weeks/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Analyst skill'), 'SQL');
    await user.selectOptions(screen.getByLabelText('Weeks shown'), '26 weeks');
    await user.click(screen.getByRole('button', { name: 'Show' }));

    await waitFor(() =>
      expect(lastVariables(client, 'AllocationsTimeline')).toMatchObject({ filter: { skillId: 'skill-sql', fromWeek: '2027-01-04', toWeek: '2027-06-28' } }),
    );
  });

  it('says when only part of the allocations is drawn', () => {
    openTimeline(timeline([node], 140), '/allocations/timeline?from=2027-01-04');
    expect(screen.getByText(/^Showing 1 of 140 allocations\./)).toBeTruthy();
  });
});
