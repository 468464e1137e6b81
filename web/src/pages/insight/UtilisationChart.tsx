import { Table } from 'nhsuk-react-components';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketName, fteNumber, shortBucketName } from './reportParams.ts';

export interface UtilisationTotals {
  month: string;
  contracted: number;
  pooled: number;
  allocatable: number;
  allocated: number;
}

/** Contracted, pooled, allocatable and allocated FTE summed over the analysts shown, by month: bars and a table. */
export function UtilisationChart({ months }: { months: readonly UtilisationTotals[] }) {
  const data = months.map((month) => ({ ...month, label: shortBucketName(month.month) }));
  return (
    <>
      <figure
        className="app-chart"
        role="img"
        aria-label="Bar chart of contracted, pooled, allocatable and allocated FTE by month. The table below gives the same numbers."
      >
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data} margin={{ left: 8, right: 24, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis unit=" FTE" width={72} />
            <Tooltip />
            <Legend />
            <Bar dataKey="contracted" name="Contracted" fill="#768692" isAnimationActive={false} />
            <Bar dataKey="pooled" name="Pooled" fill="#41b6e6" isAnimationActive={false} />
            <Bar dataKey="allocatable" name="Allocatable" fill="#005eb8" isAnimationActive={false} />
            <Bar dataKey="allocated" name="Allocated" fill="#ed8b00" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <Table responsive firstCellIsHeader caption="Totals by month, in FTE" captionProps={{ size: 's' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Month</Table.Cell>
            <Table.Cell format="numeric">Contracted</Table.Cell>
            <Table.Cell format="numeric">Pooled</Table.Cell>
            <Table.Cell format="numeric">Allocatable</Table.Cell>
            <Table.Cell format="numeric">Allocated</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {months.map((month) => (
            <Table.Row key={month.month}>
              <Table.Cell>{bucketName(month.month)}</Table.Cell>
              <Table.Cell format="numeric">{fteNumber(month.contracted)}</Table.Cell>
              <Table.Cell format="numeric">{fteNumber(month.pooled)}</Table.Cell>
              <Table.Cell format="numeric">{fteNumber(month.allocatable)}</Table.Cell>
              <Table.Cell format="numeric">{fteNumber(month.allocated)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
