import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { nobodyHasDecided } from './allocationLabels.ts';
import { ProblemSummary } from './ProblemSummary.tsx';
import { ProposalCandidatesQuery, ProposalForm } from './ProposalForm.tsx';
import { proposalFieldIds, type ProposalInput } from './proposalFields.ts';
import { problemsOf, type Problems } from './problems.ts';

export const ProposalToEditQuery = graphql(`
  query ProposalToEdit($id: ID!) {
    allocation(id: $id) {
      id
      version
      status
      fte
      startWeek
      endWeek
      requesterDecision
      releaseDecision
      analystDecision
      analyst { id name }
      request { id }
    }
  }
`);

export const UpdateProposalMutation = graphql(`
  mutation UpdateProposal($id: ID!, $version: Int!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, version: $version, input: $input) {
      id
      version
      fte
      startWeek
      endWeek
      analyst { id name }
    }
  }
`);

type ProposalToEdit = NonNullable<ResultOf<typeof ProposalToEditQuery>['allocation']>;

/** The workforce lead changes the analyst, time or weeks of a proposal nobody has decided on yet. */
export function EditProposalPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: ProposalToEditQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="Change a proposal" loading="Loading the proposal…" what="this proposal">
      {({ allocation }) => {
        if (!allocation) return <NotFoundPage heading="Proposal not found" explanation="This proposal does not exist or is not visible to you." />;
        if (allocation.status !== 'PROPOSED' || !nobodyHasDecided(allocation)) {
          return (
            <>
              <PageHeading>Change a proposal</PageHeading>
              <p>This proposal can no longer be changed: someone has already decided on it.</p>
            </>
          );
        }
        return <EditProposal allocation={allocation} reload={() => query[1]({ requestPolicy: 'network-only' })} />;
      }}
    </QueryStates>
  );
}

function EditProposal({ allocation, reload }: { allocation: ProposalToEdit; reload: () => void }) {
  const query = useQuery({ query: ProposalCandidatesQuery, variables: { requestId: allocation.request.id } });
  const [{ fetching }, update] = useMutation(UpdateProposalMutation);
  const [problems, setProblems] = useState<Problems>({ problems: [], stale: false });
  const navigate = useNavigate();

  async function handleSubmit(input: ProposalInput) {
    const result = await update({ id: allocation.id, version: allocation.version, input });
    if (result.error) return setProblems(problemsOf(result.error, proposalFieldIds));
    navigate(`/allocations/${allocation.id}`, { state: { notice: 'Proposal changed.' } });
  }

  function handleReload() {
    setProblems({ problems: [], stale: false });
    reload();
  }

  return (
    <QueryStates query={query} heading="Change a proposal" loading="Loading the candidates…" what="the candidates">
      {({ request, candidates }) =>
        request ? (
          <>
            <ProblemSummary problems={problems.problems} onReload={problems.stale ? handleReload : undefined} />
            <PageHeading caption={`${request.organisation.name}: ${request.title}`} documentTitle={problems.problems.length > 0 ? 'Error: Change a proposal' : undefined}>
              Change a proposal
            </PageHeading>
            <ProposalForm
              key={allocation.version}
              request={request}
              candidates={candidates}
              current={{ allocationId: allocation.id, analyst: allocation.analyst }}
              initial={{ analystId: allocation.analyst.id, fte: String(allocation.fte), startWeek: allocation.startWeek, endWeek: allocation.endWeek }}
              submitLabel="Save changes"
              submitting={fetching}
              problems={problems.problems}
              onProblems={(next) => setProblems({ problems: next, stale: false })}
              onSubmit={handleSubmit}
            />
          </>
        ) : (
          <NotFoundPage heading="Request not found" explanation="The request of this proposal is no longer visible to you." />
        )
      }
    </QueryStates>
  );
}
