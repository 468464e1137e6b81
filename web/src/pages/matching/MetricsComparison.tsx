import { Table } from 'nhsuk-react-components';
import { percentLabel } from '../../format.ts';
import type { MatchingRunResult } from './RunPage.tsx';

type Metrics = NonNullable<MatchingRunResult['metrics']>;

const fteWeeks = (value: number) => `${value.toFixed(1)} FTE-weeks`;
const index = (value: number) => value.toFixed(2);

const rows: { label: string; hint: string; value: (metrics: Metrics) => string }[] = [
  { label: 'Requested', hint: 'FTE-weeks the open requests ask for in the window', value: (m) => fteWeeks(m.requestedFteWeeks) },
  { label: 'Matched', hint: 'FTE-weeks proposed', value: (m) => fteWeeks(m.matchedFteWeeks) },
  { label: 'Fulfilment', hint: 'matched ÷ requested', value: (m) => percentLabel(m.fulfilment) },
  { label: 'Lowest satisfaction', hint: 'the worst-served organisation’s share of its fair claim', value: (m) => percentLabel(m.minSatisfaction) },
  { label: 'Jain’s fairness index', hint: '1 when every organisation is equally satisfied', value: (m) => index(m.jain) },
  { label: 'Gini of satisfaction', hint: '0 when every organisation is equally satisfied', value: (m) => index(m.gini) },
  { label: 'Mean skill fit', hint: 'from 0 to 1, weighted by time', value: (m) => index(m.meanSkillFit) },
  { label: 'Development placements', hint: 'analysts growing a skill with a mentor', value: (m) => String(m.developmentPlacements) },
  { label: 'Analysts over capacity', hint: 'always 0', value: (m) => String(m.overCapacity) },
  { label: 'Must-have skill misses', hint: 'outside the development rule; always 0', value: (m) => String(m.skillViolations) },
];

/** The run's metrics for the engine and the first-come-first-served baseline, side by side. */
export function MetricsComparison({ engine, baseline }: { engine: Metrics; baseline: Metrics }) {
  return (
    <Table responsive firstCellIsHeader caption="Run metrics: engine and baseline" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Measure</Table.Cell>
          <Table.Cell format="numeric">Engine (fair)</Table.Cell>
          <Table.Cell format="numeric">Baseline (first come, first served)</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.label}>
            <Table.Cell>
              {row.label}
              <span className="nhsuk-body-s app-secondary-text">{row.hint}</span>
            </Table.Cell>
            <Table.Cell format="numeric">{row.value(engine)}</Table.Cell>
            <Table.Cell format="numeric">{row.value(baseline)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
