import { Table } from 'nhsuk-react-components';
import { percentLabel } from '../../format.ts';

export interface FairnessRow {
  organisation: { id: string; name: string };
  weight: number;
  entitlement: number;
  claim: number;
  received: number;
  satisfaction: number | null;
  contribution: number;
  balance: number;
  creditIn: number;
}

const fteWeeks = (value: number) => value.toFixed(1);
const signed = (value: number) => (value > 0.05 ? `+${value.toFixed(1)}` : value < -0.05 ? `−${(-value).toFixed(1)}` : '0.0');

/** Every organisation's fairness figures for the span, in FTE-weeks. */
export function FairnessTable({ rows, caption }: { rows: readonly FairnessRow[]; caption: string }) {
  return (
    <Table responsive firstCellIsHeader caption={caption} captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell format="numeric">Weight</Table.Cell>
          <Table.Cell format="numeric">Entitlement</Table.Cell>
          <Table.Cell format="numeric">Asked for</Table.Cell>
          <Table.Cell format="numeric">Received</Table.Cell>
          <Table.Cell format="numeric">Satisfaction</Table.Cell>
          <Table.Cell format="numeric">Gave to the pool</Table.Cell>
          <Table.Cell format="numeric">Balance</Table.Cell>
          <Table.Cell format="numeric">Credit brought in</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.organisation.id}>
            <Table.Cell>{row.organisation.name}</Table.Cell>
            <Table.Cell format="numeric">{row.weight.toFixed(3)}</Table.Cell>
            <Table.Cell format="numeric">{fteWeeks(row.entitlement)}</Table.Cell>
            <Table.Cell format="numeric">{fteWeeks(row.claim)}</Table.Cell>
            <Table.Cell format="numeric">{fteWeeks(row.received)}</Table.Cell>
            <Table.Cell format="numeric">{row.satisfaction === null ? 'No requests' : percentLabel(row.satisfaction)}</Table.Cell>
            <Table.Cell format="numeric">{fteWeeks(row.contribution)}</Table.Cell>
            <Table.Cell format="numeric">{signed(row.balance)}</Table.Cell>
            <Table.Cell format="numeric">{fteWeeks(row.creditIn)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
