import { useEffect, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { SummaryRows } from '../../components/SummaryRows.tsx';
import { dateLabel, percentLabel, plural } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { FairnessComparison } from './FairnessComparison.tsx';
import { MetricsComparison } from './MetricsComparison.tsx';
import { ProposalsByRequest } from './ProposalsByRequest.tsx';

const proposalLimit = 100;
/** How often a run someone else started is checked again while it is still running. */
const runningPollMs = 3000;

export const MatchingRunQuery = graphql(`
  query MatchingRun($id: ID!, $proposals: Int!) {
    matchingRun(id: $id) {
      id
      status
      error
      windowStart
      windowEnd
      createdAt
      finishedAt
      createdBy { id name }
      policy { alpha beta gamma maxConcurrentRequests developmentShareCap }
      solverStats { totalMs lpSolves mipSolves }
      metrics { ...RunMetricsFields }
      baselineMetrics { ...RunMetricsFields }
      organisations {
        organisation { id name }
        engine { entitlement claim received satisfaction }
        baseline { entitlement claim received satisfaction }
      }
      proposals(first: $proposals) {
        totalCount
        edges {
          node {
            id
            fte
            kind
            startWeek
            endWeek
            analyst { id name }
            request { id title fte startWeek endWeek project { id } organisation { id name } }
            explanation {
              summary
              rank
              candidateCount
              interest
              continuity
              menteeCount
              skills { skillId skillName kind wantedLevel analystLevel fit }
              nextCandidate { analystName reason }
              fairness { bound text }
              development { skillName analystLevel targetLevel text mentor { id name } }
            }
          }
        }
      }
    }
  }

  fragment RunMetricsFields on RunMetrics {
    requestedFteWeeks
    matchedFteWeeks
    fulfilment
    minSatisfaction
    jain
    gini
    meanSkillFit
    developmentPlacements
    overCapacity
    skillViolations
    solveMs
  }
`);

export type MatchingRunResult = NonNullable<ResultOf<typeof MatchingRunQuery>['matchingRun']>;

export function RunPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: MatchingRunQuery, variables: { id, proposals: proposalLimit } });
  const [{ data }, reexecute] = query;
  const running = data?.matchingRun?.status === 'RUNNING';

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), runningPollMs);
    return () => clearTimeout(timer);
  }, [running, data]);

  return (
    <QueryStates query={query} heading="Matching run" loading="Loading the matching run…" what="this matching run">
      {({ matchingRun: run }) =>
        run ? (
          <>
            <PageHeading caption="Matching run">{`${dateLabel(run.windowStart)} to ${dateLabel(run.windowEnd)}`}</PageHeading>
            <RunSummary run={run} />
            {run.status === 'FAILED' && (
              <div className="nhsuk-error-summary" role="alert">
                <h2 className="nhsuk-error-summary__title">This run failed</h2>
                <div className="nhsuk-error-summary__body">
                  <p>{run.error}</p>
                  <p>
                    It proposed nothing. <Link to="/matching">Run matching again</Link>.
                  </p>
                </div>
              </div>
            )}
            {run.status === 'RUNNING' && <p role="status">This run is still in progress; its results will appear here when it finishes.</p>}
            {run.metrics && run.baselineMetrics && (
              <>
                <h2>How the proposals compare</h2>
                <p>
                  The engine shares the pool fairly between partners; the baseline serves requests first come, first served,
                  as most resourcing tools do. Both use the same analysts, requests and weeks.
                </p>
                <MetricsComparison engine={run.metrics} baseline={run.baselineMetrics} />
                <h2>Fairness by organisation</h2>
                <FairnessComparison organisations={run.organisations} />
                <h2>Proposals by request</h2>
                <ProposalsByRequest runId={run.id} proposals={run.proposals.edges.map(({ node }) => node)} totalCount={run.proposals.totalCount} />
              </>
            )}
          </>
        ) : (
          <NotFoundPage heading="Matching run not found" explanation="This matching run does not exist in your integrated care system." />
        )
      }
    </QueryStates>
  );
}

function RunSummary({ run }: { run: MatchingRunResult }) {
  const { policy } = run;
  const rows: [string, ReactNode][] = [
    ['Status', <StatusTag status={run.status} />],
    ['Run by', run.createdBy?.name ?? 'Unknown'],
    ['Fairness policy', `Equal share ${policy.alpha}, reciprocity ${policy.beta}, need ${policy.gamma}`],
    ['Limits', `${plural(policy.maxConcurrentRequests, 'request')} at once per analyst; development placements up to ${percentLabel(policy.developmentShareCap)} of a request`],
  ];
  if (run.solverStats) rows.push(['Solve time', `${Math.round(run.solverStats.totalMs)} ms`]);
  return <SummaryRows rows={rows} />;
}
