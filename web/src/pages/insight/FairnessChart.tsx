import { Table } from 'nhsuk-react-components';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { percentLabel } from '../../format.ts';
import { bucketName, shortBucketName } from './reportParams.ts';

export interface FairnessMonthRow {
  month: string;
  organisations: readonly { organisation: { id: string; name: string }; satisfaction: number | null }[];
}

// NHS identity colours, distinguishable from one another and each at least 3:1 against white.
const lineColours = ['#005eb8', '#d5281b', '#007f3b', '#330072', '#ed8b00', '#00a499', '#ae2573', '#425563'];

/**
 * Each organisation's satisfaction month by month (the share of its fair claim that was met), as lines and
 * as a table of the same numbers. Months in which an organisation asked for nothing are left blank.
 */
export function FairnessChart({ months }: { months: readonly FairnessMonthRow[] }) {
  const organisations = months[0]?.organisations.map((row) => row.organisation) ?? [];
  const data = months.map((month) => ({
    month: shortBucketName(month.month),
    ...Object.fromEntries(
      month.organisations.map((row) => [row.organisation.id, row.satisfaction === null ? null : Math.round(row.satisfaction * 100)]),
    ),
  }));
  return (
    <>
      <figure
        className="app-chart"
        role="img"
        aria-label="Line chart of each organisation’s satisfaction by month, in per cent. The table below gives the same numbers."
      >
        {/* The legend wraps below the plot: room for it grows with the organisations, so the plot keeps its height. */}
        <ResponsiveContainer width="100%" height={260 + Math.ceil(organisations.length / 2) * 32}>
          <LineChart data={data} margin={{ left: 8, right: 24, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Legend />
            {organisations.map((organisation, index) => (
              <Line
                key={organisation.id}
                type="monotone"
                dataKey={organisation.id}
                name={organisation.name}
                stroke={lineColours[index % lineColours.length]}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <Table responsive firstCellIsHeader caption="Satisfaction by month" captionProps={{ size: 's' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Organisation</Table.Cell>
            {months.map((month) => (
              <Table.Cell key={month.month} format="numeric">
                {bucketName(month.month)}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {organisations.map((organisation) => (
            <Table.Row key={organisation.id}>
              <Table.Cell>{organisation.name}</Table.Cell>
              {months.map((month) => {
                const satisfaction = month.organisations.find((row) => row.organisation.id === organisation.id)?.satisfaction ?? null;
                return (
                  <Table.Cell key={month.month} format="numeric">
                    {satisfaction === null ? 'No requests' : percentLabel(satisfaction)}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
