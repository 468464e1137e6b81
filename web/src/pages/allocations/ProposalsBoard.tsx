import { Select, Table } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, fteLabel, plural, weeksLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { kindLabel, nobodyHasDecided, stageLabel } from './allocationLabels.ts';
import { AllocationsNavigation } from './AllocationsNavigation.tsx';
import { ConfirmProposalsButton } from './ConfirmProposalsButton.tsx';
import { Notice } from './Notice.tsx';
import { ProblemSummary } from './ProblemSummary.tsx';
import type { Problems } from './problems.ts';

export const ProposalsBoardQuery = graphql(`
  query ProposalsBoard($first: Int!, $after: String, $filter: AllocationFilter!) {
    allocations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          fte
          startWeek
          endWeek
          kind
          status
          confirmed
          awaitingParties
          requesterDecision
          releaseDecision
          analystDecision
          analyst { id name organisation { id name } }
          request { id title organisation { id name } }
          run { id createdAt }
          explanation { summary }
        }
      }
    }
  }
`);

type Proposal = ResultOf<typeof ProposalsBoardQuery>['allocations']['edges'][number]['node'];

const pageSize = 50;
const stages = { unconfirmed: 'To confirm', confirmed: 'Confirmed, waiting for the parties', all: 'All proposals' } as const;
type Stage = keyof typeof stages;

function readStage(value: string | null): Stage {
  return value === 'confirmed' || value === 'all' ? value : 'unconfirmed';
}

const noProblems: Problems = { problems: [], stale: false };

/** The workforce lead's proposals, grouped by request: inspect, change, confirm one or a whole run. */
export function ProposalsBoard() {
  const [searchParams, setSearchParams] = useSearchParams();
  const runId = searchParams.get('run');
  const stage = readStage(searchParams.get('stage'));
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [notice, setNotice] = useState('');

  function onConfirmed(outcome: { confirmed: number } | Problems) {
    if ('problems' in outcome) {
      setNotice('');
      return setProblems(outcome);
    }
    setProblems(noProblems);
    setNotice(`${plural(outcome.confirmed, 'proposal')} confirmed. The requesting leads, home organisation leads and analysts can now decide.`);
  }

  function chooseStage(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams(searchParams);
    params.set('stage', String(new FormData(event.currentTarget).get('stage') ?? 'unconfirmed'));
    params.delete('after');
    setSearchParams(params);
  }

  return (
    <>
      <ProblemSummary problems={problems.problems} />
      <PageHeading documentTitle={problems.problems.length > 0 ? 'Error: Proposals' : undefined}>Proposals</PageHeading>
      <AllocationsNavigation />
      <p className="nhsuk-lede-text">
        Check each proposal and its reasons, change it if needed, then confirm it: it then holds the analyst's time and goes to
        the requesting lead, the analyst's home organisation lead and the analyst to accept.
      </p>
      <p>
        <Link to="/allocations/new">Propose an analyst by hand</Link>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <FilterForm label="Proposals" submitLabel="Show" onSubmit={chooseStage} clearable={false}>
        <Select key={stage} id="proposals-stage" name="stage" label="Show" defaultValue={stage}>
          {Object.entries(stages).map(([value, label]) => (
            <Select.Option key={value} value={value}>
              {label}
            </Select.Option>
          ))}
        </Select>
      </FilterForm>
      {runId && (
        <p>
          Showing the proposals of one matching run. <Link to={`?stage=${stage}`}>Show proposals of every run</Link>
        </p>
      )}
      <Proposals runId={runId} stage={stage} onConfirmed={onConfirmed} />
    </>
  );
}

interface ProposalsProps {
  runId: string | null;
  stage: Stage;
  onConfirmed: (outcome: { confirmed: number } | Problems) => void;
}

function Proposals({ runId, stage, onConfirmed }: ProposalsProps) {
  const { after } = useCursorPage();
  const filter = { status: 'PROPOSED' as const, ...(runId ? { runId } : {}), ...(stage === 'all' ? {} : { confirmed: stage === 'confirmed' }) };
  const query = useQuery({ query: ProposalsBoardQuery, variables: { first: pageSize, after, filter } });

  return (
    <QueryStates query={query} loading="Loading proposals…" what="proposals">
      {({ allocations }) => {
        const proposals = allocations.edges.map(({ node }) => node);
        if (proposals.length === 0) {
          return <p>{stage === 'unconfirmed' ? 'There are no proposals waiting for you to confirm.' : 'There are no proposals here.'}</p>;
        }
        return (
          <>
            <RunConfirmations proposals={proposals} onConfirmed={onConfirmed} />
            <PagedResults connection={allocations} pageSize={pageSize} noun={['proposal', 'proposals']}>
              {groupByRequest(proposals).map((group) => (
                <RequestProposals key={group.request.id} group={group} onConfirmed={onConfirmed} />
              ))}
            </PagedResults>
          </>
        );
      }}
    </QueryStates>
  );
}

interface RequestGroup {
  request: Proposal['request'];
  proposals: Proposal[];
}

function groupByRequest(proposals: readonly Proposal[]): RequestGroup[] {
  const groups = new Map<string, RequestGroup>();
  for (const proposal of proposals) {
    const group = groups.get(proposal.request.id) ?? { request: proposal.request, proposals: [] };
    group.proposals.push(proposal);
    groups.set(proposal.request.id, group);
  }
  return [...groups.values()];
}

/** One "confirm all" per matching run with unconfirmed proposals on this page (it confirms the whole run). */
function RunConfirmations({ proposals, onConfirmed }: { proposals: readonly Proposal[]; onConfirmed: ProposalsProps['onConfirmed'] }) {
  const runs = new Map<string, NonNullable<Proposal['run']>>();
  for (const proposal of proposals) if (proposal.run && !proposal.confirmed) runs.set(proposal.run.id, proposal.run);
  if (runs.size === 0) return null;
  return (
    <section aria-labelledby="runs-heading">
      <h2 id="runs-heading" className="nhsuk-heading-m">
        Matching runs
      </h2>
      <ul className="nhsuk-list">
        {[...runs.values()].map((run) => (
          <li key={run.id}>
            <ConfirmProposalsButton target={{ runId: run.id }} secondary onDone={onConfirmed}>
              {`Confirm every proposal of the run of ${dateLabel(run.createdAt.slice(0, 10))}`}
            </ConfirmProposalsButton>{' '}
            <Link to={`/matching/runs/${run.id}`}>See the run's fairness and metrics</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RequestProposals({ group, onConfirmed }: { group: RequestGroup; onConfirmed: ProposalsProps['onConfirmed'] }) {
  const headingId = `request-${group.request.id}`;
  return (
    <section className="app-proposal-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="nhsuk-heading-m">
        <span className="nhsuk-caption-m">
          {group.request.organisation.name}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        {group.request.title}
      </h2>
      <Table responsive firstCellIsHeader caption={`Proposals for ${group.request.title}`} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Analyst</Table.Cell>
            <Table.Cell>Time and weeks</Table.Cell>
            <Table.Cell>Why</Table.Cell>
            <Table.Cell>Stage</Table.Cell>
            <Table.Cell>Actions</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {group.proposals.map((proposal) => (
            <Table.Row key={proposal.id}>
              <Table.Cell>
                <Link to={`/allocations/${proposal.id}`}>{proposal.analyst.name}</Link>
                <span className="nhsuk-body-s app-secondary-text">{proposal.analyst.organisation.name}</span>
              </Table.Cell>
              <Table.Cell>
                {fteLabel(proposal.fte)} a week, {weeksLabel(proposal.startWeek, proposal.endWeek)}
                <span className="nhsuk-body-s app-secondary-text">{kindLabel(proposal.kind)}</span>
              </Table.Cell>
              <Table.Cell>{proposal.explanation?.summary ?? 'No matching explanation.'}</Table.Cell>
              <Table.Cell>
                {stageLabel(proposal)}
                <span className="nhsuk-body-s app-secondary-text">
                  {proposal.run ? `From the matching run of ${dateLabel(proposal.run.createdAt.slice(0, 10))}` : 'Proposed by hand'}
                </span>
              </Table.Cell>
              <Table.Cell>
                <ProposalActions proposal={proposal} onConfirmed={onConfirmed} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function ProposalActions({ proposal, onConfirmed }: { proposal: Proposal; onConfirmed: ProposalsProps['onConfirmed'] }) {
  const undecided = nobodyHasDecided(proposal);
  return (
    <>
      {!proposal.confirmed && (
        <ConfirmProposalsButton target={{ ids: [proposal.id] }} secondary onDone={onConfirmed}>
          {`Confirm ${proposal.analyst.name}`}
        </ConfirmProposalsButton>
      )}
      {undecided && (
        <Link to={`/allocations/${proposal.id}/edit`} className="nhsuk-link nhsuk-body-s">
          Change <span className="nhsuk-u-visually-hidden">{proposal.analyst.name}'s proposal</span>
        </Link>
      )}
    </>
  );
}
