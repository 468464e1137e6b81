import { Table } from 'nhsuk-react-components';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { SummaryRows } from '../../components/SummaryRows.tsx';
import { fteLabel, weeksLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { useSignedInUser, type Role } from '../../session/SessionProvider.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { decisionLabel, kindLabel, nobodyHasDecided, partyLabels, stageLabel, type Party } from './allocationLabels.ts';
import { ConfirmProposalsButton } from './ConfirmProposalsButton.tsx';
import { DecisionForm, decisionFieldIds, type Decision } from './DecisionForm.tsx';
import { ExplanationDetails } from './ExplanationDetails.tsx';
import { Notice } from './Notice.tsx';
import { ProblemSummary } from './ProblemSummary.tsx';
import { problemsOf, type Problem, type Problems } from './problems.ts';
import { WithdrawForm } from './WithdrawForm.tsx';

export const AllocationQuery = graphql(`
  query Allocation($id: ID!) {
    allocation(id: $id) {
      id
      version
      status
      kind
      fte
      startWeek
      endWeek
      confirmed
      requesterDecision
      releaseDecision
      analystDecision
      declineReason
      viewerParties
      awaitingParties
      analyst { id name jobTitle organisation { id name } }
      request { id title organisation { id name } project { id title } }
      run { id createdAt }
      mentor { id analyst { id name } }
      explanation {
        summary
        rank
        candidateCount
        interest
        skills { skillId skillName kind wantedLevel analystLevel fit }
        fairness { text }
        nextCandidate { analystName reason }
        development { text }
      }
    }
  }
`);

export const DecideAllocationMutation = graphql(`
  mutation DecideAllocation($id: ID!, $version: Int!, $decision: DecisionChoice!, $reason: String) {
    decideAllocation(id: $id, version: $version, decision: $decision, reason: $reason) {
      allocation {
        id
        version
        status
        confirmed
        requesterDecision
        releaseDecision
        analystDecision
        declineReason
        viewerParties
        awaitingParties
      }
      replacement { id analyst { id name } }
    }
  }
`);

export type AllocationDetail = NonNullable<ResultOf<typeof AllocationQuery>['allocation']>;

const decisionIdPrefix = 'decision';

const live = new Set(['PROPOSED', 'ACCEPTED', 'ACTIVE']);

/** The workforce lead and the requesting organisation's lead may withdraw what is not yet over. */
function mayWithdraw(allocation: AllocationDetail, role: Role): boolean {
  return live.has(allocation.status) && (role === 'WORKFORCE_LEAD' || allocation.viewerParties.includes('REQUESTER'));
}

export function AllocationPage() {
  const { id = '' } = useParams();
  const me = useSignedInUser();
  const query = useQuery({ query: AllocationQuery, variables: { id } });
  const [problems, setProblems] = useState<Problems>({ problems: [], stale: false });
  // A page that saved this allocation passes what it did, e.g. "Proposal changed."
  const { state } = useLocation() as { state: { notice?: string } | null };
  const [notice, setNotice] = useState(state?.notice ?? '');
  const reload = () => {
    setProblems({ problems: [], stale: false });
    query[1]({ requestPolicy: 'network-only' });
  };
  const report = (next: Problem[] | Problems) => {
    setNotice('');
    setProblems(Array.isArray(next) ? { problems: next, stale: false } : next);
  };
  const succeed = (text: string) => {
    setProblems({ problems: [], stale: false });
    setNotice(text);
  };

  return (
    <QueryStates query={query} heading="Allocation" loading="Loading the allocation…" what="this allocation">
      {({ allocation }) =>
        allocation ? (
          <>
            <ProblemSummary problems={problems.problems} onReload={problems.stale ? reload : undefined} />
            <PageHeading
              caption={allocation.request.organisation.name}
              documentTitle={problems.problems.length > 0 ? `Error: ${allocation.analyst.name} for ${allocation.request.title}` : undefined}
            >{`${allocation.analyst.name} for ${allocation.request.title}`}</PageHeading>
            {notice && <Notice>{notice}</Notice>}
            <AllocationSummary allocation={allocation} />
            <ViewerDecision allocation={allocation} problems={problems.problems} onProblems={report} onDecided={succeed} />
            <WorkforceLeadActions allocation={allocation} onProblems={report} onConfirmed={() => succeed('Confirmed. The parties can now accept or decline it.')} />
            {mayWithdraw(allocation, me.role) && (
              <WithdrawForm allocation={allocation} problems={problems.problems} onProblems={report} onWithdrawn={() => succeed("Withdrawn. The analyst's time is free again.")} />
            )}
            <h2>Decisions</h2>
            <Decisions allocation={allocation} />
            <h2>Why this analyst</h2>
            <ExplanationDetails explanation={allocation.explanation} />
          </>
        ) : (
          <NotFoundPage heading="Allocation not found" explanation="This allocation does not exist or is not visible to you." />
        )
      }
    </QueryStates>
  );
}

function AllocationSummary({ allocation }: { allocation: AllocationDetail }) {
  const stage = stageLabel(allocation);
  const rows: [string, ReactNode][] = [
    [
      'Status',
      <>
        <StatusTag status={allocation.status} /> {stage && <span className="nhsuk-body-s app-secondary-text">{stage}</span>}
      </>,
    ],
    ['Analyst', `${allocation.analyst.name}, ${allocation.analyst.jobTitle}, ${allocation.analyst.organisation.name}`],
    [
      'Request',
      <>
        <Link to={`/requests/${allocation.request.id}`}>{allocation.request.title}</Link>, project {allocation.request.project.title}
      </>,
    ],
    ['Time', `${fteLabel(allocation.fte)} a week`],
    ['Weeks', weeksLabel(allocation.startWeek, allocation.endWeek)],
    ['Kind', kindLabel(allocation.kind)],
    ['Proposed by', allocation.run ? 'A matching run' : 'The workforce lead, by hand'],
  ];
  if (allocation.mentor) rows.push(['Mentor', allocation.mentor.analyst.name]);
  if (allocation.declineReason) rows.push(['Reason given', allocation.declineReason]);
  return <SummaryRows rows={rows} />;
}

function Decisions({ allocation }: { allocation: AllocationDetail }) {
  const decisions: [Party, string][] = [
    ['REQUESTER', allocation.requesterDecision],
    ['RELEASE', allocation.releaseDecision],
    ['ANALYST', allocation.analystDecision],
  ];
  return (
    <Table firstCellIsHeader caption="Who has decided" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Party</Table.Cell>
          <Table.Cell>Decision</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {decisions.map(([party, decision]) => (
          <Table.Row key={party}>
            <Table.Cell>{partyLabels[party]}</Table.Cell>
            <Table.Cell>{decisionLabel(decision)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function questionFor(party: Party, allocation: AllocationDetail): { legend: string; accept: string; decline: string } {
  switch (party) {
    case 'REQUESTER':
      return { legend: `Do you accept ${allocation.analyst.name} for this request?`, accept: 'Yes, accept', decline: 'No, decline' };
    case 'RELEASE':
      return { legend: `Do you release ${allocation.analyst.name}'s time for this work?`, accept: 'Yes, approve the release', decline: 'No, decline the release' };
    case 'ANALYST':
      return { legend: 'Do you accept this work?', accept: 'Yes, accept', decline: 'No, decline' };
  }
}

interface ViewerDecisionProps {
  allocation: AllocationDetail;
  problems: readonly Problem[];
  onProblems: (problems: Problem[] | Problems) => void;
  onDecided: (notice: string) => void;
}

/** Accept or decline for every party the viewer is that has not decided yet. */
function ViewerDecision({ allocation, problems, onProblems, onDecided }: ViewerDecisionProps) {
  const [{ fetching }, decide] = useMutation(DecideAllocationMutation);
  const pending = allocation.viewerParties.filter((party) => allocation.awaitingParties.includes(party));
  const [party] = pending;
  if (!party) return null;
  const question = questionFor(party, allocation);

  async function handleDecide(decision: Decision, reason: string) {
    const result = await decide({ id: allocation.id, version: allocation.version, decision, reason: reason || null });
    if (result.error || !result.data) {
      if (result.error) onProblems(problemsOf(result.error, { reason: decisionFieldIds(decisionIdPrefix).reason }));
      return;
    }
    const { allocation: decided, replacement } = result.data.decideAllocation;
    if (decision === 'DECLINE') {
      onDecided(
        replacement
          ? `You declined. ${replacement.analyst.name} is proposed instead, for the workforce lead to review.`
          : 'You declined. The workforce lead will look for someone else.',
      );
    } else {
      onDecided(decided.status === 'PROPOSED' ? 'You accepted. It now waits for the other parties.' : `You accepted. The allocation is now ${decided.status.toLowerCase()}.`);
    }
  }

  return (
    <section aria-labelledby="your-decision">
      <h2 id="your-decision">Your decision</h2>
      <DecisionForm
        idPrefix={decisionIdPrefix}
        legend={question.legend}
        acceptLabel={question.accept}
        declineLabel={question.decline}
        reasonRequired={party !== 'ANALYST'}
        submitting={fetching}
        problems={problems}
        onProblems={onProblems}
        onDecide={handleDecide}
      />
    </section>
  );
}

interface WorkforceLeadActionsProps {
  allocation: AllocationDetail;
  onProblems: (problems: Problems) => void;
  onConfirmed: () => void;
}

/** Confirm a tentative proposal, or change one nobody has decided on yet. Only the API says who may. */
function WorkforceLeadActions({ allocation, onProblems, onConfirmed }: WorkforceLeadActionsProps) {
  const undecided = nobodyHasDecided(allocation);
  if (allocation.status !== 'PROPOSED' || allocation.viewerParties.length > 0) return null;
  return (
    <div className="app-actions">
      {!allocation.confirmed && (
        <ConfirmProposalsButton target={{ ids: [allocation.id] }} onDone={(outcome) => ('problems' in outcome ? onProblems(outcome) : onConfirmed())}>
          Confirm this proposal
        </ConfirmProposalsButton>
      )}
      {undecided && (
        <Link to={`/allocations/${allocation.id}/edit`} className="nhsuk-link">
          Change analyst, time or weeks
        </Link>
      )}
    </div>
  );
}
