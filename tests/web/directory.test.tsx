// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { DirectoryPage } from '../../web/src/pages/analysts/DirectoryPage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const filterOptions: Answer = {
  data: {
    organisations: { edges: [{ node: { id: 'org-hospice', name: 'St Luke’s Hospice' } }] },
    skills: { edges: [{ node: { id: 'skill-sql', name: 'SQL' } }, { node: { id: 'skill-r', name: 'R' } }] },
  },
};

const analystsPage = (edges: unknown[], hasNextPage = false, totalCount = edges.length): Answer => ({
  data: { analysts: { totalCount, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-25' : null }, edges } },
});

const priya = {
  node: {
    id: 'analyst-priya',
    name: 'Priya Shah',
    jobTitle: 'Senior data scientist',
    band: 'BAND_8A',
    organisation: { id: 'org-hospice', name: 'St Luke’s Hospice' },
    skills: [
      { level: 2, skill: { id: 'skill-excel', name: 'Excel' } },
      { level: 4, skill: { id: 'skill-sql', name: 'SQL' } },
      { level: 3, skill: { id: 'skill-r', name: 'R' } },
      { level: 1, skill: { id: 'skill-gis', name: 'GIS' } },
    ],
  },
};

function openDirectory(analysts: Answer, url = '/analysts') {
  const client = mockClient({ AnalystDirectory: analysts, DirectoryFilterOptions: filterOptions });
  renderPage(<DirectoryPage />, { client, url });
  return client;
}

describe('analyst directory', () => {
  it('says it is loading while the analysts are on their way', () => {
    openDirectory('pending');

    expect(screen.getByRole('status').textContent).toBe('Loading analysts…');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when the pool has no analysts at all', () => {
    openDirectory(analystsPage([]));

    expect(screen.getByRole('heading', { name: 'No analysts found' })).toBeTruthy();
    expect(screen.getByText('There are no analysts in the pool yet.')).toBeTruthy();
  });

  it('offers to clear the filters when nobody matches them', () => {
    openDirectory(analystsPage([]), '/analysts?q=nobody');

    expect(screen.getByText(/No analysts match these filters/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /clear the filters/i })[0]?.getAttribute('href')).toBe('/analysts');
  });

  it('shows the server message and a way to try again when the query fails', () => {
    openDirectory({ error: new CombinedError({ graphQLErrors: [new GraphQLError('You must sign in to see analysts.')] }) });

    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Sorry, we could not load analysts' })).toBeTruthy();
    expect(within(alert).getByText('You must sign in to see analysts.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('lists analysts with their top three skills, named by level, and a link to the next page', () => {
    openDirectory(analystsPage([priya], true, 30));

    expect(screen.getByText('30 analysts found, page 1 of 2')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Analysts, page 1' });
    const [, row] = within(table).getAllByRole('row');
    if (!row) throw new Error('The analyst row is missing');
    expect(within(row).getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/analysts/analyst-priya');
    expect(within(row).getByText('Band 8a')).toBeTruthy();
    expect(within(row).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'SQL: 4 Expert',
      'R: 3 Practitioner',
      'Excel: 2 Working',
    ]);
    const next = screen.getByRole('link', { name: /Next/ });
    expect(next.getAttribute('href')).toBe('/analysts?after=cursor-25');
    expect(screen.queryByRole('link', { name: /Previous/ })).toBeNull();
  });

  it('takes its filters and page from the URL and keeps them when paging back', () => {
    const client = openDirectory(
      analystsPage([priya], true, 60),
      '/analysts?q=data&organisation=org-hospice&skill=skill-sql&level=3&after=cursor-25',
    );

    expect(lastVariables(client, 'AnalystDirectory')).toEqual({
      first: 25,
      after: 'cursor-25',
      filter: { search: 'data', organisationId: 'org-hospice', skillId: 'skill-sql', minLevel: 3 },
    });
    expect((screen.getByLabelText('Name or job title') as HTMLInputElement).value).toBe('data');
    expect((screen.getByLabelText('Organisation') as HTMLSelectElement).value).toBe('org-hospice');
    expect((screen.getByLabelText('Skill') as HTMLSelectElement).value).toBe('skill-sql');
    expect((screen.getByLabelText(/Minimum level/) as HTMLSelectElement).value).toBe('3');
    expect(screen.getByRole('table', { name: 'Analysts, page 2' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Previous/ }).getAttribute('href')).toBe(
      '/analysts?q=data&organisation=org-hospice&skill=skill-sql&level=3',
    );
    expect(screen.getByRole('link', { name: /^Previous\s*page:\s*Page 1 of 3$/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Next\s*page:\s*Page 3 of 3$/ })).toBeTruthy();
  });
});
