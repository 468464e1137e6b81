import { Table } from 'nhsuk-react-components';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { dateLabel, percentLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { RunMatchingForm } from './RunMatchingForm.tsx';
import { defaultWindow } from './runForm.ts';

export const MatchingRunsQuery = graphql(`
  query MatchingRuns($first: Int!, $after: String) {
    ics { id planningHorizonWeeks fairnessAlpha fairnessBeta fairnessGamma maxConcurrentRequests }
    matchingRuns(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          status
          windowStart
          windowEnd
          createdAt
          createdBy { id name }
          metrics { fulfilment minSatisfaction }
          baselineMetrics { fulfilment minSatisfaction }
          proposals(first: 1) { totalCount }
        }
      }
    }
  }
`);

const pageSize = 20;

type RunRow = ResultOf<typeof MatchingRunsQuery>['matchingRuns']['edges'][number]['node'];

export function MatchingPage() {
  const { after } = useCursorPage();
  // A new run must show even when the list was cached empty, with no MatchingRun in it to invalidate.
  const context = useMemo(() => ({ additionalTypenames: ['MatchingRun'] }), []);
  const query = useQuery({ query: MatchingRunsQuery, variables: { first: pageSize, after }, context });
  const [hasProblems, setHasProblems] = useState(false);

  return (
    <>
      <PageHeading documentTitle={hasProblems ? 'Error: Matching' : 'Matching'}>Matching</PageHeading>
      <p className="nhsuk-lede-text">
        Propose analysts for open requests across the pool, giving each partner its fair share. Proposals wait for your
        confirmation; nothing is booked until then.
      </p>
      <QueryStates query={query} loading="Loading matching runs…" what="matching runs">
        {({ ics, matchingRuns }) => (
          <>
            <RunMatchingForm defaults={defaultWindow(new Date(), ics.planningHorizonWeeks)} policy={ics} onProblemsChange={setHasProblems} />
            <h2>Past runs</h2>
            {matchingRuns.edges.length === 0 ? (
              <p>No matching has been run yet.</p>
            ) : (
              <PagedResults connection={matchingRuns} pageSize={pageSize} noun={['run', 'runs']}>
                <RunsTable runs={matchingRuns.edges.map(({ node }) => node)} />
              </PagedResults>
            )}
          </>
        )}
      </QueryStates>
    </>
  );
}

const timestamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function RunsTable({ runs }: { runs: readonly RunRow[] }) {
  return (
    <Table responsive firstCellIsHeader caption="Matching runs, newest first" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Run</Table.Cell>
          <Table.Cell>Window</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell format="numeric">Proposals</Table.Cell>
          <Table.Cell format="numeric">Fulfilment (baseline)</Table.Cell>
          <Table.Cell format="numeric">Lowest satisfaction (baseline)</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {runs.map((run) => (
          <Table.Row key={run.id}>
            <Table.Cell>
              <Link to={`/matching/runs/${run.id}`}>{timestamp.format(new Date(run.createdAt))}</Link>
              {run.createdBy && <span className="nhsuk-body-s app-secondary-text">by {run.createdBy.name}</span>}
            </Table.Cell>
            <Table.Cell>
              {dateLabel(run.windowStart)} to {dateLabel(run.windowEnd)}
            </Table.Cell>
            <Table.Cell>
              <StatusTag status={run.status} />
            </Table.Cell>
            <Table.Cell format="numeric">{run.proposals.totalCount}</Table.Cell>
            <Table.Cell format="numeric">{comparison(run.metrics?.fulfilment, run.baselineMetrics?.fulfilment)}</Table.Cell>
            <Table.Cell format="numeric">{comparison(run.metrics?.minSatisfaction, run.baselineMetrics?.minSatisfaction)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function comparison(engine: number | undefined, baseline: number | undefined): string {
  if (engine === undefined || baseline === undefined) return '–';
  return `${percentLabel(engine)} (${percentLabel(baseline)})`;
}
