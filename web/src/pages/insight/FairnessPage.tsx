import { Table, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { ClosePeriodForm } from './ClosePeriodForm.tsx';
import { FairnessChart } from './FairnessChart.tsx';
import { FairnessTable } from './FairnessTable.tsx';
import { ShowReportButton } from './ShowReportButton.tsx';
import { exportHref, lastWeekOver } from './reportParams.ts';
import './insight.css';

export const FairnessPageQuery = graphql(`
  query FairnessPage($startWeek: Date, $endWeek: Date) {
    me { id role }
    fairnessReport(startWeek: $startWeek, endWeek: $endWeek) {
      startWeek
      endWeek
      totalSupply
      closedPeriodId
      nextPeriodStart
      policy { alpha beta gamma }
      organisations {
        organisation { id name }
        weight entitlement claim received satisfaction contribution balance creditIn
      }
      months { month organisations { organisation { id name } satisfaction } }
    }
    fairnessPeriods { id startWeek endWeek closedAt closedByName }
  }
`);

type PageData = ResultOf<typeof FairnessPageQuery>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function FairnessPage() {
  const [params, setParams] = useSearchParams();
  const startWeek = DAY.test(params.get('start') ?? '') ? params.get('start') : null;
  const endWeek = DAY.test(params.get('end') ?? '') ? params.get('end') : null;
  const query = useQuery({ query: FairnessPageQuery, variables: { startWeek, endWeek } });
  const [closedNotice, setClosedNotice] = useState<string | null>(null);
  const reload = () => query[1]({ requestPolicy: 'network-only' });

  return (
    <>
      <PageHeading>Fairness</PageHeading>
      <p className="nhsuk-lede-text">
        What each partner gave to the pool and received from it, against its fair share. Every organisation sees the same report.
      </p>
      {closedNotice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{closedNotice}</p>
        </div>
      )}
      <QueryStates query={query} loading="Loading the fairness report…" what="the fairness report">
        {(data) => (
          <FairnessReport
            data={data}
            onSpan={(start, end) => setParams(new URLSearchParams({ start, end }))}
            onClosed={(period) => {
              setClosedNotice(`The period from ${dateLabel(period.startWeek)} to ${dateLabel(period.endWeek)} is closed.`);
              setParams(new URLSearchParams({ start: period.startWeek, end: period.endWeek }));
              reload();
            }}
          />
        )}
      </QueryStates>
    </>
  );
}

interface FairnessReportProps {
  data: PageData;
  onSpan: (startWeek: string, endWeek: string) => void;
  onClosed: (period: { startWeek: string; endWeek: string }) => void;
}

function FairnessReport({ data, onSpan, onClosed }: FairnessReportProps) {
  const report = data.fairnessReport;
  const { alpha, beta, gamma } = report.policy;
  return (
    <>
      <SpanForm key={`${report.startWeek}-${report.endWeek}`} startWeek={report.startWeek} endWeek={report.endWeek} onApply={onSpan} />
      <div className="app-report-actions">
        <p className="nhsuk-body nhsuk-u-margin-bottom-0">
          Weeks of {dateLabel(report.startWeek)} to {dateLabel(report.endWeek)}
          {report.closedPeriodId ? ' (a closed period: these figures are frozen)' : ''}. The pool had {report.totalSupply.toFixed(1)} FTE-weeks
          to give.
        </p>
        <a
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          href={exportHref('/export/fairness.csv', { startWeek: report.startWeek, endWeek: report.endWeek })}
          download
        >
          Download as CSV
        </a>
      </div>
      <p>
        Policy weights: equal share {alpha}, reciprocity {beta}, need {gamma}. An organisation’s weight is {alpha} ÷ the number of
        organisations asking, plus {beta} × its share of what was given (with credit brought in), plus {gamma} × its share of need; its
        entitlement is its weight × the pool’s supply.
      </p>
      {report.organisations.length === 0 ? (
        <p>There are no organisations in this ICS yet.</p>
      ) : (
        <>
          <FairnessTable rows={report.organisations} caption="Fairness by organisation, in FTE-weeks" />
          <h2>Satisfaction over time</h2>
          <FairnessChart months={report.months} />
        </>
      )}
      <ClosedPeriods periods={data.fairnessPeriods} />
      {data.me?.role === 'WORKFORCE_LEAD' && !report.closedPeriodId && (
        <ClosePeriodForm
          key={`${report.startWeek}-${report.endWeek}`}
          fixedStart={report.nextPeriodStart}
          suggestedStart={report.startWeek}
          suggestedEnd={lastWeekOver(report.endWeek)}
          onClosed={onClosed}
        />
      )}
    </>
  );
}

function SpanForm({ startWeek, endWeek, onApply }: { startWeek: string; endWeek: string; onApply: (start: string, end: string) => void }) {
  const [start, setStart] = useState(startWeek);
  const [end, setEnd] = useState(endWeek);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (start && end) onApply(start, end);
  }
  return (
    <form className="app-filters" aria-label="Weeks of the report" onSubmit={submit}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="fairness-start" type="date" label="From the week of" value={start} onChange={(event) => setStart(event.currentTarget.value)} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="fairness-end" type="date" label="To the week of" value={end} onChange={(event) => setEnd(event.currentTarget.value)} />
        </div>
        <ShowReportButton />
      </div>
    </form>
  );
}

function ClosedPeriods({ periods }: { periods: PageData['fairnessPeriods'] }) {
  return (
    <>
      <h2>Closed periods</h2>
      {periods.length === 0 ? (
        <p>No period has been closed yet.</p>
      ) : (
        <Table responsive firstCellIsHeader caption="Closed periods, latest first" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Weeks</Table.Cell>
              <Table.Cell>Closed</Table.Cell>
              <Table.Cell>Closed by</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {periods.map((period) => (
              <Table.Row key={period.id}>
                <Table.Cell>
                  <Link to={`?start=${period.startWeek}&end=${period.endWeek}`}>
                    {dateLabel(period.startWeek)} to {dateLabel(period.endWeek)}
                  </Link>
                </Table.Cell>
                <Table.Cell>{dateLabel(period.closedAt.slice(0, 10))}</Table.Cell>
                <Table.Cell>{period.closedByName ?? 'Someone no longer here'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
