import { Table } from 'nhsuk-react-components';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { percentLabel } from '../../format.ts';
import type { MatchingRunResult } from './RunPage.tsx';

type OrganisationRow = MatchingRunResult['organisations'][number];

const fteWeeks = (value: number) => value.toFixed(1);

/** An organisation's fair claim: what it asked for, up to its entitlement (DESIGN §4). */
function fairClaim(row: OrganisationRow): number {
  return row.engine ? Math.min(row.engine.claim, row.engine.entitlement) : 0;
}

/**
 * Entitlement against what each organisation received under the engine and under the baseline: a bar
 * chart for the eye and a table of the same numbers for everyone.
 */
export function FairnessComparison({ organisations }: { organisations: readonly OrganisationRow[] }) {
  if (organisations.length === 0) return <p>No organisation had open requests in this window.</p>;
  const data = organisations.map((row) => ({
    name: row.organisation.name,
    fairClaim: round(fairClaim(row)),
    engine: round(row.engine?.received ?? 0),
    baseline: round(row.baseline?.received ?? 0),
  }));
  return (
    <>
      <figure className="app-chart" role="img" aria-label="Bar chart of fair claim and FTE-weeks received per organisation, engine and baseline. The table below gives the same numbers.">
        <ResponsiveContainer width="100%" height={Math.max(240, organisations.length * 56 + 80)}>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" unit=" FTE-wk" />
            <YAxis type="category" dataKey="name" width={200} />
            <Tooltip />
            <Legend />
            <Bar dataKey="fairClaim" name="Fair claim" fill="#768692" />
            <Bar dataKey="engine" name="Received: engine" fill="#005eb8" />
            <Bar dataKey="baseline" name="Received: baseline" fill="#ffb81c" />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <Table responsive firstCellIsHeader caption="Fairness by organisation, in FTE-weeks" captionProps={{ size: 's' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Organisation</Table.Cell>
            <Table.Cell format="numeric">Asked for</Table.Cell>
            <Table.Cell format="numeric">Entitlement</Table.Cell>
            <Table.Cell format="numeric">Received: engine</Table.Cell>
            <Table.Cell format="numeric">Satisfaction: engine</Table.Cell>
            <Table.Cell format="numeric">Received: baseline</Table.Cell>
            <Table.Cell format="numeric">Satisfaction: baseline</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {organisations.map((row) => (
            <Table.Row key={row.organisation.id}>
              <Table.Cell>{row.organisation.name}</Table.Cell>
              <Table.Cell format="numeric">{row.engine ? fteWeeks(row.engine.claim) : '–'}</Table.Cell>
              <Table.Cell format="numeric">{row.engine ? fteWeeks(row.engine.entitlement) : '–'}</Table.Cell>
              <Table.Cell format="numeric">{row.engine ? fteWeeks(row.engine.received) : '–'}</Table.Cell>
              <Table.Cell format="numeric">{row.engine ? percentLabel(row.engine.satisfaction) : '–'}</Table.Cell>
              <Table.Cell format="numeric">{row.baseline ? fteWeeks(row.baseline.received) : '–'}</Table.Cell>
              <Table.Cell format="numeric">{row.baseline ? percentLabel(row.baseline.satisfaction) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
