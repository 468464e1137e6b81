import { SummaryList } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

/** A summary list from [key, value] rows, keys unique, in the order given. */
export function SummaryRows({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}
