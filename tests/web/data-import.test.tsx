// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../web/src/App.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { mockClient, renderPage, type Answer } from './support/render.tsx';

const me: Answer = {
  data: {
    me: {
      id: 'user-acute-lead',
      name: 'Arjun Mehta',
      role: 'ORGANISATION_LEAD',
      organisation: { id: 'org-acute', name: 'North Dales Teaching Hospitals' },
      analyst: null,
      ics: { id: 'ics-north-dales', name: 'North Dales Integrated Care System' },
    },
  },
};

const outcome = (changes: Partial<Record<string, unknown>>) => ({
  __typename: 'ImportOutcome',
  rowCount: 2,
  created: 1,
  updated: 1,
  unchanged: 0,
  problemCount: 0,
  problems: [],
  changes: [
    { row: 2, key: 'ada@ndth.example', action: 'CREATE', changedFields: [] },
    { row: 3, key: 'ben@ndth.example', action: 'UPDATE', changedFields: ['pooled_fte'] },
  ],
  ...changes,
});

const withProblems = outcome({
  created: 0,
  updated: 0,
  problemCount: 2,
  problems: [
    { row: 2, column: 'skills', message: 'SQL: level "5" should be 1 Awareness, 2 Working, 3 Practitioner or 4 Expert.' },
    { row: 3, column: 'contracted_fte', message: '"0,4" uses a comma; write decimals with a full stop, as 0.4.' },
  ],
  changes: [],
});

function openImport(answers: Record<string, Answer>) {
  const client = mockClient({ Me: me, ...answers });
  renderPage(
    <SessionProvider>
      <AppRoutes />
    </SessionProvider>,
    { client, url: '/data' },
  );
  return client;
}

async function checkFile(name = 'analysts.csv') {
  const user = userEvent.setup();
  await user.click(await screen.findByLabelText('Analysts'));
  await user.upload(screen.getByLabelText('CSV file'), new File(['email,name\n'], name, { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: 'Check the file' }));
  return user;
}

describe('import and export page', () => {
  it("offers an organisation lead only their own organisation's analysts and requests", async () => {
    openImport({});
    const kinds = within(await screen.findByRole('group', { name: 'What does the file hold?' })).getAllByRole('radio');
    expect(kinds.map((radio) => radio.getAttribute('value'))).toEqual(['ANALYSTS', 'REQUESTS']);
    expect(screen.getByRole('button', { name: 'Download allocations' })).toBeTruthy();
  });

  it('asks for a file in an error summary linked to the file field', async () => {
    openImport({});
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('Analysts'));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const link = await screen.findByRole('link', { name: 'Choose a CSV file to import' });
    expect(link.getAttribute('href')).toBe('#file');
  });

  it('lists every problem by row and column and offers no import', async () => {
    openImport({ PreviewImport: { data: { previewImport: withProblems } } });
    await checkFile();
    expect(await screen.findByRole('heading', { name: 'analysts.csv has 2 problems' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Problems' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'WhereProblem',
      'Row 2, skillsSQL: level "5" should be 1 Awareness, 2 Working, 3 Practitioner or 4 Expert.',
      'Row 3, contracted_fte"0,4" uses a comma; write decimals with a full stop, as 0.4.',
    ]);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('shows what will change, then imports and confirms', async () => {
    const client = openImport({
      PreviewImport: { data: { previewImport: outcome({}) } },
      CommitImport: { data: { commitImport: outcome({}) } },
    });
    const user = await checkFile();
    const table = await screen.findByRole('table', { name: 'What the import will change' });
    expect(within(table).getByText('Changes pooled fte')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('1 created, 1 updated, 0 unchanged.'));
    const committed = client.executeMutation.mock.calls.at(-1)?.[0];
    expect(committed?.variables).toEqual({ kind: 'ANALYSTS', csv: 'email,name\n' });
  });
});
