// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AllocationTimeline, type TimelineAllocation } from '../../web/src/components/AllocationTimeline.tsx';
import { layoutRows, organisationStyles } from '../../web/src/components/timelineLayout.ts';
import { mondayOf } from '../../web/src/weeks.ts';
import './support/render.tsx';

const hospice = { id: 'org-hospice', name: 'St Aidan’s Hospice' };
const council = { id: 'org-council', name: 'Ashburn City Council' };
const sam = { id: 'analyst-sam', name: 'Sam Carter' };
const priya = { id: 'analyst-priya', name: 'Priya Shah' };

function allocation(id: string, overrides: Partial<TimelineAllocation>): TimelineAllocation {
  return {
    id,
    analyst: sam,
    organisation: hospice,
    work: `Work ${id}`,
    fte: 0.2,
    startWeek: '2026-11-23',
    endWeek: '2026-12-14',
    status: 'ACCEPTED',
    ...overrides,
  };
}

describe('timeline layout', () => {
  it('reads any day as the Monday of its ISO week, across a year end', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
  });

  it('gives overlapping work its own row and reuses a row once the earlier work has ended', () => {
    const allocations = [
      allocation('a', { startWeek: '2026-11-23', endWeek: '2026-12-07' }),
      allocation('b', { startWeek: '2026-11-30', endWeek: '2026-12-21' }),
      allocation('c', { startWeek: '2026-12-14', endWeek: '2027-01-04' }),
      allocation('d', { analyst: priya, startWeek: '2026-11-23', endWeek: '2026-11-23' }),
    ];
    const { rows, rowOf } = layoutRows(allocations);

    expect(rows.map((row) => `${row.analyst.name}:${row.lane}`)).toEqual(['Priya Shah:0', 'Sam Carter:0', 'Sam Carter:1']);
    // No two allocations in one row share a week.
    for (const first of allocations) {
      for (const second of allocations) {
        if (first.id < second.id && rowOf.get(first.id) === rowOf.get(second.id)) {
          expect(first.endWeek < second.startWeek || second.endWeek < first.startWeek).toBe(true);
        }
      }
    }
    expect(rowOf.get('c')).toBe(rowOf.get('a'));
  });

  it('gives every organisation a different colour and pattern pair', () => {
    const organisations = Array.from({ length: 40 }, (_, index) => ({ id: `org-${index}`, name: `Organisation ${String(index).padStart(2, '0')}` }));
    const styles = organisationStyles(organisations.map((organisation, index) => allocation(String(index), { organisation })), 'chart');
    expect(new Set(styles.map((style) => `${style.colour}/${style.pattern}`)).size).toBe(40);
    expect(new Set(styles.map((style) => style.patternId)).size).toBe(40);
  });
});

describe('allocation timeline', () => {
  const allocations = [
    allocation('sam-hospice', { work: 'Bereavement dashboards' }),
    allocation('sam-council', { organisation: council, work: 'Housing needs model', startWeek: '2026-12-07', endWeek: '2027-02-01', status: 'PROPOSED' }),
    allocation('priya-old', { analyst: priya, work: 'Finished audit', startWeek: '2026-09-07', endWeek: '2026-10-26', status: 'COMPLETED' }),
  ];

  it('draws the work within the weeks shown and lists the same work in a table', () => {
    render(<AllocationTimeline allocations={allocations} fromWeek="2026-11-23" weeks={13} title="Allocations from 23 November 2026" thisWeek="2026-11-23" />);

    const chart = screen.getByRole('img', { name: /^Allocations from 23 November 2026: a chart of 2 allocations/ });
    expect(chart.querySelectorAll('rect[fill^="url(#"]')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Allocations from 23 November 2026' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Sam Carter', 'Sam Carter']);
    expect(rows[0]?.textContent).toContain('Bereavement dashboards');
    expect(rows[1]?.textContent).toContain('Housing needs model');
    expect(rows[1]?.textContent).toContain('7 December 2026 to 1 February 2027 (9 weeks)');
    expect(rows[1]?.textContent).toContain('Proposed');
    expect(screen.queryByText('Finished audit')).toBeNull();
  });

  it('names each organisation in the key with its pattern, not by colour alone', () => {
    render(<AllocationTimeline allocations={allocations} fromWeek="2026-11-23" weeks={13} title="Allocations" thisWeek="2026-11-23" />);

    const key = screen.getByRole('list', { name: 'Key: the organisation the work is for' });
    const items = within(key).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Ashburn City Council (solid)',
      'St Aidan’s Hospice (diagonal lines)',
      'Dashed outline: proposed, not yet agreed',
      'Red dashed line: this week',
    ]);
    // A bar uses the same pattern as its organisation's key entry, and proposed work is outlined dashed.
    const proposedBar = screen.getByRole('img', { name: /chart/ }).querySelector('rect[stroke-dasharray]');
    expect(proposedBar?.getAttribute('fill')).toBe(key.querySelector('li rect')?.getAttribute('fill'));
  });

  it('says so when nothing falls within the weeks shown', () => {
    render(<AllocationTimeline allocations={allocations} fromWeek="2027-06-07" weeks={8} title="Allocations" emptyMessage="Nothing booked in these weeks." />);

    expect(screen.getByText('Nothing booked in these weeks.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
