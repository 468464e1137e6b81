import { AxisLeft, AxisTop } from '@visx/axis';
import { Group } from '@visx/group';
import { PatternCircles, PatternLines } from '@visx/pattern';
import { scaleBand, scaleUtc } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { Table } from 'nhsuk-react-components';
import { useId } from 'react';
import './AllocationTimeline.css';
import { fteLabel, plural, weeksLabel } from '../format.ts';
import { StatusTag } from './StatusTag.tsx';
import { addWeeksTo, mondaysFrom } from '../weeks.ts';
import {
  layoutRows,
  organisationStyles,
  overlapsWeeks,
  type OrganisationStyle,
  type TimelineAllocation,
} from './timelineLayout.ts';

export type { TimelineAllocation } from './timelineLayout.ts';

interface AllocationTimelineProps {
  /** The allocations to draw; those outside the weeks shown are left out of both chart and table. */
  allocations: readonly TimelineAllocation[];
  /** Monday of the first week shown. */
  fromWeek: string;
  /** How many weeks to show. */
  weeks: number;
  /** Names the chart and captions its table, e.g. "Allocations from 23 November 2026". */
  title: string;
  /** Monday of the current week, marked on the chart when shown. */
  thisWeek?: string;
  /** Said instead of the chart when nothing falls within the weeks shown. */
  emptyMessage?: string;
  /** Show the analyst column (leave it out for one analyst's own timeline). */
  showAnalyst?: boolean;
}

const width = 960;
const rowHeight = 30;
const margin = { top: 40, right: 16, bottom: 12, left: 200 };
// Status words appear in the table; on the chart, work that is not yet agreed has a dashed outline.
const tentative = new Set(['PROPOSED']);

/**
 * Analysts × weeks, one bar per allocation, coloured and patterned by the organisation the work is for,
 * with a legend naming each pattern and a table of the same allocations under the chart.
 */
export function AllocationTimeline({
  allocations,
  fromWeek,
  weeks,
  title,
  thisWeek,
  emptyMessage = 'No allocations in these weeks.',
  showAnalyst = true,
}: AllocationTimelineProps) {
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const lastWeek = addWeeksTo(fromWeek, weeks - 1);
  const shown = allocations.filter((allocation) => overlapsWeeks(allocation, fromWeek, lastWeek));
  if (shown.length === 0) return <p className="nhsuk-body">{emptyMessage}</p>;

  const styles = organisationStyles(shown, idPrefix);
  return (
    <div className="app-timeline">
      <TimelineLegend styles={styles} idPrefix={idPrefix} marksThisWeek={Boolean(thisWeek && overlapsWeeks({ startWeek: thisWeek, endWeek: thisWeek }, fromWeek, lastWeek))} />
      <TimelineChart allocations={shown} styles={styles} fromWeek={fromWeek} weeks={weeks} title={title} thisWeek={thisWeek} />
      <TimelineTable allocations={shown} title={title} showAnalyst={showAnalyst} />
    </div>
  );
}

interface TimelineChartProps {
  allocations: readonly TimelineAllocation[];
  styles: readonly OrganisationStyle[];
  fromWeek: string;
  weeks: number;
  title: string;
  thisWeek?: string;
}

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function TimelineChart({ allocations, styles, fromWeek, weeks, title, thisWeek }: TimelineChartProps) {
  const { rows, rowOf } = layoutRows(allocations);
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = rows.length * rowHeight;
  const end = addWeeksTo(fromWeek, weeks);
  const x = scaleUtc({ domain: [utc(fromWeek), utc(end)], range: [0, innerWidth] });
  const y = scaleBand({ domain: rows.map((row) => row.key), range: [0, innerHeight], padding: 0.2 });
  const styleOf = new Map(styles.map((style) => [style.organisation.id, style]));
  const mondays = mondaysFrom(fromWeek, weeks);
  const tickEvery = Math.max(1, Math.ceil(weeks / 13));
  const analystNames = new Map(rows.filter((row) => row.lane === 0).map((row) => [row.key, row.analyst.name]));

  return (
    <svg
      className="app-timeline__chart"
      viewBox={`0 0 ${width} ${innerHeight + margin.top + margin.bottom}`}
      role="img"
      aria-label={`${title}: a chart of ${plural(allocations.length, 'allocation')} by analyst and week. The table below lists the same allocations.`}
    >
      <defs>
        {styles.map((style) => (
          <OrganisationPattern key={style.patternId} style={style} />
        ))}
      </defs>
      <Group left={margin.left} top={margin.top}>
        {mondays.map((monday) => (
          <Line key={monday} from={{ x: x(utc(monday)), y: 0 }} to={{ x: x(utc(monday)), y: innerHeight }} stroke="#d8dde0" />
        ))}
        {thisWeek && thisWeek >= fromWeek && thisWeek < end && (
          <Line
            from={{ x: x(utc(thisWeek)), y: -margin.top + 4 }}
            to={{ x: x(utc(thisWeek)), y: innerHeight }}
            stroke="#d5281b"
            strokeWidth={2}
            strokeDasharray="4 3"
          />
        )}
        {allocations.map((allocation) => {
          const style = styleOf.get(allocation.organisation.id)!;
          const from = x(utc(allocation.startWeek < fromWeek ? fromWeek : allocation.startWeek));
          const to = x(utc(allocation.endWeek >= end ? end : addWeeksTo(allocation.endWeek, 1)));
          return (
            <Bar
              key={allocation.id}
              x={from}
              y={y(rowOf.get(allocation.id)!) ?? 0}
              width={Math.max(2, to - from)}
              height={y.bandwidth()}
              fill={`url(#${style.patternId})`}
              stroke="#212b32"
              strokeWidth={1.5}
              strokeDasharray={tentative.has(allocation.status) ? '5 3' : undefined}
            />
          );
        })}
        <AxisTop
          scale={x}
          tickValues={mondays.filter((_, index) => index % tickEvery === 0).map(utc)}
          tickFormat={(value) => shortDate.format(value as Date)}
          stroke="#4c6272"
          tickStroke="#4c6272"
          tickLabelProps={{ fill: '#212b32', fontSize: 14, textAnchor: 'middle' }}
        />
        <AxisLeft
          scale={y}
          tickValues={[...analystNames.keys()]}
          tickFormat={(key) => analystNames.get(key)}
          stroke="#4c6272"
          tickStroke="#4c6272"
          tickLabelProps={{ fill: '#212b32', fontSize: 15, textAnchor: 'end', dy: '0.33em', width: margin.left - 12 }}
        />
      </Group>
    </svg>
  );
}

/** The organisation's colour under a white pattern; "solid" is the colour alone. */
function OrganisationPattern({ style }: { style: OrganisationStyle }) {
  const lines = { id: style.patternId, width: 8, height: 8, background: style.colour, stroke: '#ffffff', strokeWidth: 2 };
  switch (style.pattern) {
    case 'solid':
      return (
        <pattern id={style.patternId} width={8} height={8} patternUnits="userSpaceOnUse">
          <rect width={8} height={8} fill={style.colour} />
        </pattern>
      );
    case 'dots':
      return <PatternCircles id={style.patternId} width={8} height={8} radius={1.6} fill="#ffffff" background={style.colour} />;
    case 'diagonal':
      return <PatternLines {...lines} orientation={['diagonal']} />;
    case 'horizontal':
      return <PatternLines {...lines} orientation={['horizontal']} />;
    case 'vertical':
      return <PatternLines {...lines} orientation={['vertical']} />;
    case 'crosshatch':
      return <PatternLines {...lines} strokeWidth={1.5} orientation={['diagonal', 'diagonalRightToLeft']} />;
  }
}

const patternNames: Record<OrganisationStyle['pattern'], string> = {
  solid: 'solid',
  diagonal: 'diagonal lines',
  dots: 'dots',
  horizontal: 'horizontal lines',
  crosshatch: 'cross-hatched',
  vertical: 'vertical lines',
};

function TimelineLegend({ styles, marksThisWeek, idPrefix }: { styles: readonly OrganisationStyle[]; marksThisWeek: boolean; idPrefix: string }) {
  return (
    <div className="app-timeline__legend">
      {/* Not a heading: the timeline sits under headings of different levels on different pages. */}
      <p id={`${idPrefix}-key`} className="nhsuk-body nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-2">
        Key: the organisation the work is for
      </p>
      <ul className="app-timeline__key" aria-labelledby={`${idPrefix}-key`}>
        {styles.map((style) => (
          <li key={style.patternId}>
            <svg className="app-timeline__swatch" viewBox="0 0 32 20" aria-hidden="true" focusable="false">
              <rect x={1} y={1} width={30} height={18} fill={`url(#${style.patternId})`} stroke="#212b32" strokeWidth={1.5} />
            </svg>
            {style.organisation.name}
            <span className="nhsuk-u-visually-hidden"> ({patternNames[style.pattern]})</span>
          </li>
        ))}
        <li>
          <svg className="app-timeline__swatch" viewBox="0 0 32 20" aria-hidden="true" focusable="false">
            <rect x={1} y={1} width={30} height={18} fill="#ffffff" stroke="#212b32" strokeWidth={1.5} strokeDasharray="5 3" />
          </svg>
          Dashed outline: proposed, not yet agreed
        </li>
        {marksThisWeek && (
          <li>
            <svg className="app-timeline__swatch" viewBox="0 0 32 20" aria-hidden="true" focusable="false">
              <line x1={16} y1={0} x2={16} y2={20} stroke="#d5281b" strokeWidth={2} strokeDasharray="4 3" />
            </svg>
            Red dashed line: this week
          </li>
        )}
      </ul>
    </div>
  );
}

function TimelineTable({ allocations, title, showAnalyst }: { allocations: readonly TimelineAllocation[]; title: string; showAnalyst: boolean }) {
  const ordered = [...allocations].sort(
    (a, b) => a.analyst.name.localeCompare(b.analyst.name) || a.startWeek.localeCompare(b.startWeek) || a.id.localeCompare(b.id),
  );
  return (
    <Table responsive firstCellIsHeader caption={title} captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          {showAnalyst && <Table.Cell>Analyst</Table.Cell>}
          <Table.Cell>Work</Table.Cell>
          <Table.Cell>For</Table.Cell>
          <Table.Cell>Weeks</Table.Cell>
          <Table.Cell format="numeric">Time a week</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {ordered.map((allocation) => (
          <Table.Row key={allocation.id}>
            {showAnalyst && <Table.Cell>{allocation.analyst.name}</Table.Cell>}
            <Table.Cell>{allocation.work}</Table.Cell>
            <Table.Cell>{allocation.organisation.name}</Table.Cell>
            <Table.Cell>
              {weeksLabel(allocation.startWeek, allocation.endWeek)}
            </Table.Cell>
            <Table.Cell format="numeric">{fteLabel(allocation.fte)}</Table.Cell>
            <Table.Cell>
              <StatusTag status={allocation.status} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
