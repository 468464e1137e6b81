// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AllocationsPage } from '../../web/src/pages/allocations/AllocationsPage.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const ics = { id: 'ics-north-dales', name: 'North Dales Integrated Care System' };
const hospice = { id: 'org-hospice', name: 'St Aidan’s Hospice' };
const council = { id: 'org-council', name: 'Ashburn City Council' };

function proposal(id: string, overrides: Record<string, unknown>) {
  return {
    node: {
      id,
      fte: 0.2,
      startWeek: '2026-11-30',
      endWeek: '2026-12-21',
      viewerParties: ['REQUESTER'],
      awaitingParties: ['REQUESTER', 'ANALYST'],
      analyst: { id: `analyst-${id}`, name: 'Ravi Patel', organisation: council },
      request: { id: `request-${id}`, title: 'Bereavement dashboards', organisation: hospice },
      explanation: null,
      ...overrides,
    },
  };
}

function openAs(role: string, analyst: { id: string } | null, proposals: Answer) {
  const client = mockClient({ Me: { data: { me: { id: 'user-1', name: 'Helen Marsh', role, organisation: hospice, analyst, ics } } }, ProposalsToDecide: proposals });
  renderPage(
    <SessionProvider>
      <AllocationsPage />
    </SessionProvider>,
    { client, url: '/allocations' },
  );
  return client;
}

const answer = (edges: unknown[]): Answer => ({ data: { allocations: { totalCount: edges.length, edges } } });

describe('allocations for an organisation lead', () => {
  it('splits confirmed proposals into those for my requests and releases of my analysts, waiting ones first', () => {
    const client = openAs(
      'ORGANISATION_LEAD',
      null,
      answer([
        proposal('accepted', { awaitingParties: ['ANALYST'], startWeek: '2026-11-23' }),
        proposal('waiting', {}),
        proposal('release', {
          viewerParties: ['RELEASE'],
          awaitingParties: ['RELEASE'],
          analyst: { id: 'analyst-jo', name: 'Jo Lee', organisation: hospice },
          request: { id: 'request-housing', title: 'Housing needs model', organisation: council },
        }),
      ]),
    );

    expect(lastVariables(client, 'ProposalsToDecide')).toEqual({ filter: { status: 'PROPOSED', confirmed: true, organisationId: 'org-hospice' } });
    const mine = screen.getByRole('table', { name: 'Analysts proposed for your requests' });
    expect(within(mine).getAllByRole('row').slice(1).map((row) => within(row).getByRole('link').getAttribute('href'))).toEqual([
      '/allocations/waiting',
      '/allocations/accepted',
    ]);
    expect(within(mine).getAllByRole('row')[2]!.textContent).toContain('You accepted; waiting for analyst');
    const releases = screen.getByRole('table', { name: "Your analysts proposed for other partners' work" });
    expect(within(releases).getByRole('link').textContent).toBe('Jo Lee for Housing needs model');
    expect(within(releases).getAllByRole('row')[1]!.textContent).toContain('For Ashburn City Council');
    expect(within(releases).getAllByRole('row')[1]!.textContent).toContain('Waiting for you');
  });

  it('says when nothing waits on either side', () => {
    openAs('ORGANISATION_LEAD', null, answer([]));
    expect(screen.getByText('No analyst is waiting for your decision on your requests.')).toBeTruthy();
    expect(screen.getByText('None of your analysts is waiting for you to approve their release.')).toBeTruthy();
  });
});

describe('allocations for an analyst', () => {
  it('lists their own confirmed proposals to accept or decline', () => {
    const client = openAs('ANALYST', { id: 'analyst-sam' }, answer([proposal('mine', { viewerParties: ['ANALYST'], awaitingParties: ['ANALYST'] })]));

    expect(lastVariables(client, 'ProposalsToDecide')).toEqual({ filter: { status: 'PROPOSED', confirmed: true, analystId: 'analyst-sam' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your proposals');
    const table = screen.getByRole('table', { name: 'Work proposed for you' });
    expect(within(table).getByRole('link', { name: 'Bereavement dashboards' }).getAttribute('href')).toBe('/allocations/mine');
  });
});
