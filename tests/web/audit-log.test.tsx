// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuditLogPage } from '../../web/src/pages/audit/AuditLogPage.tsx';
import { lastVariables, mockClient, renderPage, type Answer } from './support/render.tsx';

const actors: Answer = { data: { auditActors: [{ id: 'user-wendy', name: 'Wendy Hart', role: 'WORKFORCE_LEAD' }] } };

const events = (edges: unknown[], hasNextPage = false): Answer => ({
  data: { auditEvents: { totalCount: edges.length, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-25' : null }, edges } },
});

const confirmation = {
  node: {
    id: 'event-1',
    action: 'allocation.confirm',
    entityType: 'Allocation',
    entityId: 'allocation-1',
    createdAt: '2026-11-25T10:15:00.000Z',
    actor: { id: 'user-wendy', name: 'Wendy Hart' },
    changes: [{ field: 'confirmedAt', before: 'null', after: '"2026-11-25T10:15:00.000Z"' }],
  },
};

const activation = {
  node: {
    id: 'event-2',
    action: 'matchingRun.confirm',
    entityType: 'MatchingRun',
    entityId: 'run-1',
    createdAt: '2026-11-25T09:00:00.000Z',
    actor: null,
    changes: [],
  },
};

function openAuditLog(answer: Answer, url = '/audit') {
  const client = mockClient({ AuditLog: answer, AuditActors: actors });
  renderPage(<AuditLogPage />, { client, url });
  return client;
}

describe('audit log', () => {
  it('says it is loading while the log is on its way', () => {
    openAuditLog('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading the audit log…');
  });

  it('lists each change with its actor, action, record and fields', () => {
    openAuditLog(events([confirmation, activation]));

    const table = screen.getByRole('table', { name: 'Changes, page 1' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first!.textContent).toContain('Wendy Hart');
    expect(first!.textContent).toContain('Allocation confirm');
    expect(first!.textContent).toContain('confirmedAt: from null to 2026-11-25T10:15:00.000Z');
    expect(within(first!).getByRole('link', { name: 'allocation-1' }).getAttribute('href')).toBe('/allocations/allocation-1');
    expect(second!.textContent).toContain('The service');
    expect(second!.textContent).toContain('Matching run confirm');
    expect(second!.textContent).toContain('No field changed');
    expect(screen.getByText('2 changes found')).toBeTruthy();
  });

  it('filters by record, person and whole days, the last day included', async () => {
    const client = openAuditLog(events([]));
    const user = userEvent.setup();
    expect(screen.getByText('No changes match these filters.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Record'), 'Allocation');
    await user.selectOptions(screen.getByLabelText('Changed by'), 'Wendy Hart');
    await user.type(screen.getByLabelText('From'), '2026-11-20');
    await user.type(screen.getByLabelText('To'), '2026-11-25');
    await user.click(screen.getByRole('button', { name: 'Filter' }));

    await waitFor(() =>
      expect(lastVariables(client, 'AuditLog')).toEqual({
        first: 25,
        after: null,
        filter: { entityType: 'Allocation', actorId: 'user-wendy', from: '2026-11-20T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' },
      }),
    );
  });

  it('refuses a date range that ends before it starts, with the NHS error summary', async () => {
    const client = openAuditLog(events([]), '/audit?from=2026-11-20');
    const user = userEvent.setup();
    const before = lastVariables(client, 'AuditLog');

    await user.type(screen.getByLabelText('To'), '2026-11-19');
    await user.click(screen.getByRole('button', { name: 'Filter' }));

    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The last day must be the same as or after the first day' }).getAttribute('href')).toBe('#audit-to');
    expect(document.title).toBe('Error: Audit log – Analyst Pool');
    expect(lastVariables(client, 'AuditLog')).toEqual(before);
  });

  it('pages on with the cursor of the page shown', () => {
    const client = openAuditLog(events([confirmation], true), '/audit?type=Allocation&after=cursor-25');
    expect(lastVariables(client, 'AuditLog')).toEqual({ first: 25, after: 'cursor-25', filter: { entityType: 'Allocation' } });
  });
});
