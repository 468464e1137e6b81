import { Table } from 'nhsuk-react-components';
import { bucketName, fteNumber } from './reportParams.ts';
import { shortfallLabel } from './shortfall.ts';

export interface SupplyDemandTableRow {
  key: string;
  label: string;
  cells: readonly { bucket: string; supply: number; demand: number; shortfall: number }[];
}

interface SupplyDemandTableProps {
  caption: string;
  /** Header of the first column, e.g. "Skill". */
  rowHeader: string;
  rows: readonly SupplyDemandTableRow[];
  buckets: readonly string[];
}

/** Supply, demand and shortfall for each row and month or quarter, in FTE. */
export function SupplyDemandTable({ caption, rowHeader, rows, buckets }: SupplyDemandTableProps) {
  return (
    <Table responsive firstCellIsHeader caption={caption} captionProps={{ size: 's' }} className="app-report-table">
      <Table.Head>
        <Table.Row>
          <Table.Cell>{rowHeader}</Table.Cell>
          {buckets.map((bucket) => (
            <Table.Cell key={bucket}>{bucketName(bucket)}</Table.Cell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.key}>
            <Table.Cell>{row.label}</Table.Cell>
            {buckets.map((bucket) => {
              const cell = row.cells.find((candidate) => candidate.bucket === bucket);
              return (
                <Table.Cell key={bucket}>
                  {cell ? (
                    <>
                      <strong>{shortfallLabel(cell.shortfall)}</strong>
                      <small>
                        supply {fteNumber(cell.supply)}, demand {fteNumber(cell.demand)}
                      </small>
                    </>
                  ) : (
                    '–'
                  )}
                </Table.Cell>
              );
            })}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
