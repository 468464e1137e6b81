// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { HomePage } from '../../web/src/pages/HomePage.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const ics = { id: 'ics-north-dales', name: 'North Dales Integrated Care System' };
const hospice = { id: 'org-hospice', name: 'St Aidan’s Hospice' };

function me(role: string, analyst: { id: string } | null = null): Answer {
  return { data: { me: { id: `user-${role}`, name: 'Sam Carter', role, organisation: hospice, analyst, ics } } };
}

const home: Answer = { data: { poolSummary: { organisations: 13, analysts: 127, openRequests: 4 } } };

function action(kind: string, text: string, allocationId: string) {
  return { kind, text, allocation: { id: allocationId, request: { id: `request-of-${allocationId}` } } };
}

function openHome(answers: Record<string, Answer>) {
  const client = mockClient({ Home: home, ...answers });
  renderPage(
    <SessionProvider>
      <HomePage />
    </SessionProvider>,
    { client, url: '/' },
  );
  return client;
}

function actionsSection() {
  return screen.getByRole('region', { name: 'What you need to do' });
}

describe('home page: what you need to do', () => {
  it('links each action to where it is done', () => {
    openHome({
      Me: me('ORGANISATION_LEAD'),
      MyActions: {
        data: {
          myActions: {
            totalCount: 4,
            items: [
              action('DECIDE_AS_REQUESTER', 'Accept or decline Ravi Patel for Bereavement dashboards', 'a1'),
              action('APPROVE_RELEASE', 'Approve the release of Jo Lee to Ashburn City Council', 'a2'),
              action('REPLACE_DECLINED', 'Propose someone else for Housing needs model', 'a3'),
              action('GIVE_FEEDBACK', 'Give feedback on Ann Wood’s work on the falls audit', 'a4'),
            ],
          },
        },
      },
    });

    const links = within(actionsSection()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Accept or decline Ravi Patel for Bereavement dashboards', '/allocations/a1'],
      ['Approve the release of Jo Lee to Ashburn City Council', '/allocations/a2'],
      ['Propose someone else for Housing needs model', '/allocations/new?request=request-of-a3'],
      ['Give feedback on Ann Wood’s work on the falls audit', '/career#feedback-a4'],
    ]);
  });

  it('says when nothing is waiting', () => {
    openHome({ Me: me('WORKFORCE_LEAD'), MyActions: { data: { myActions: { totalCount: 0, items: [] } } } });
    expect(within(actionsSection()).getByText('Nothing needs you just now.')).toBeTruthy();
  });

  it('points to every waiting action when only some are listed', () => {
    openHome({
      Me: me('WORKFORCE_LEAD'),
      MyActions: { data: { myActions: { totalCount: 25, items: [action('REVIEW_PROPOSAL', 'Review the proposal of Ann Wood', 'a1')] } } },
    });
    expect(within(actionsSection()).getByRole('link', { name: 'See all 25 things waiting for you' }).getAttribute('href')).toBe('/allocations');
  });

  it('says why the actions could not be loaded', () => {
    openHome({ Me: me('WORKFORCE_LEAD'), MyActions: { error: new CombinedError({ graphQLErrors: [new GraphQLError('The service is busy.')] }) } });
    expect(within(actionsSection()).getByRole('heading', { name: 'Sorry, we could not load what you need to do' })).toBeTruthy();
  });

  it('shows an analyst their own allocations as a timeline with a table, from this week', () => {
    const client = openHome({
      Me: me('ANALYST', { id: 'analyst-sam' }),
      MyActions: { data: { myActions: { totalCount: 0, items: [] } } },
      AllocationsTimeline: {
        data: {
          allocations: {
            totalCount: 1,
            edges: [
              {
                node: {
                  id: 'a1',
                  fte: 0.2,
                  startWeek: '2020-01-06',
                  endWeek: '2099-12-28',
                  status: 'ACTIVE',
                  analyst: { id: 'analyst-sam', name: 'Sam Carter' },
                  request: { id: 'r1', title: 'Bereavement dashboards', organisation: hospice },
                },
              },
            ],
          },
        },
      },
    });

    const section = screen.getByRole('region', { name: 'Your allocations' });
    expect(within(section).getByRole('img', { name: /a chart of 1 allocation by analyst and week/ })).toBeTruthy();
    expect(within(section).getByRole('table').textContent).toContain('Bereavement dashboards');
    const { filter } = lastVariables(client, 'AllocationsTimeline') as { filter: Record<string, unknown> };
    expect(filter).toMatchObject({ analystId: 'analyst-sam', statuses: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] });
    expect(new Date(`${filter['fromWeek']}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('shows no personal timeline to a lead', () => {
    openHome({ Me: me('ORGANISATION_LEAD'), MyActions: { data: { myActions: { totalCount: 0, items: [] } } } });
    expect(screen.queryByRole('region', { name: 'Your allocations' })).toBeNull();
  });
});
