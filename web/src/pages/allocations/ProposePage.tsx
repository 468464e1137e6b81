import { Button, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { mondayOf, todayIso } from '../../weeks.ts';
import { dateLabel } from '../../format.ts';
import { graphql } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ProblemSummary } from './ProblemSummary.tsx';
import { ProposalCandidatesQuery, ProposalForm, type ProposalRequest } from './ProposalForm.tsx';
import { proposalFieldIds, type ProposalInput } from './proposalFields.ts';
import { problemsOf, type Problem, type Problems } from './problems.ts';

export const OpenRequestsQuery = graphql(`
  query OpenRequests {
    submitted: requests(first: 100, filter: { status: SUBMITTED }) {
      edges { node { id title startWeek organisation { id name } } }
    }
    partlyMatched: requests(first: 100, filter: { status: PARTIALLY_MATCHED }) {
      edges { node { id title startWeek organisation { id name } } }
    }
  }
`);

export const ProposeAllocationMutation = graphql(`
  mutation ProposeAllocation($input: ProposeAllocationInput!) {
    proposeAllocation(input: $input) { id }
  }
`);

/** The workforce lead proposes an analyst by hand: first the request, then one of its ranked candidates. */
export function ProposePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestId = searchParams.get('request');
  return requestId ? <ProposeForRequest requestId={requestId} /> : <ChooseRequest onChoose={(id) => setSearchParams({ request: id })} />;
}

function ChooseRequest({ onChoose }: { onChoose: (requestId: string) => void }) {
  const query = useQuery({ query: OpenRequestsQuery });
  const [requestId, setRequestId] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requestId) return setProblems([{ message: 'Choose the request to propose an analyst for', field: 'propose-request' }]);
    onChoose(requestId);
  }

  return (
    <>
      <ProblemSummary problems={problems} />
      <PageHeading documentTitle={problems.length > 0 ? 'Error: Propose an analyst' : undefined}>Propose an analyst</PageHeading>
      <QueryStates query={query} loading="Loading open requests…" what="open requests">
        {({ submitted, partlyMatched }) => {
          const requests = [...submitted.edges, ...partlyMatched.edges].map(({ node }) => node);
          if (requests.length === 0) return <p>No request is waiting for analysts just now.</p>;
          return (
            <form noValidate onSubmit={handleSubmit}>
              <Select
                id="propose-request"
                label="Request"
                hint="Requests submitted to the pool that still need analysts."
                value={requestId}
                onChange={(event) => setRequestId(event.target.value)}
                error={problems[0]?.message}
              >
                <Select.Option value="">Choose a request</Select.Option>
                {requests.map((request) => (
                  <Select.Option key={request.id} value={request.id}>
                    {`${request.title} – ${request.organisation.name}, from ${dateLabel(request.startWeek)}`}
                  </Select.Option>
                ))}
              </Select>
              <Button type="submit">Continue</Button>
            </form>
          );
        }}
      </QueryStates>
    </>
  );
}

function firstWeekOf(request: ProposalRequest): string {
  const thisWeek = mondayOf(todayIso());
  return request.startWeek > thisWeek ? request.startWeek : thisWeek;
}

function ProposeForRequest({ requestId }: { requestId: string }) {
  const query = useQuery({ query: ProposalCandidatesQuery, variables: { requestId } });
  const [{ fetching }, propose] = useMutation(ProposeAllocationMutation);
  const [problems, setProblems] = useState<Problems>({ problems: [], stale: false });
  const navigate = useNavigate();

  async function handleSubmit(input: ProposalInput) {
    const result = await propose({ input: { ...input, requestId } });
    if (result.error) return setProblems(problemsOf(result.error, proposalFieldIds));
    if (result.data) navigate(`/allocations/${result.data.proposeAllocation.id}`, { state: { notice: 'Proposal saved. Confirm it to send it to the parties.' } });
  }

  return (
    <QueryStates query={query} heading="Propose an analyst" loading="Loading the request and its candidates…" what="the request and its candidates">
      {({ request, candidates }) =>
        request ? (
          <>
            <ProblemSummary problems={problems.problems} />
            <PageHeading caption={`${request.organisation.name}: ${request.title}`} documentTitle={problems.problems.length > 0 ? 'Error: Propose an analyst' : undefined}>
              Propose an analyst
            </PageHeading>
            <ProposalForm
              request={request}
              candidates={candidates}
              initial={{ analystId: '', fte: String(request.fte), startWeek: firstWeekOf(request), endWeek: request.endWeek }}
              submitLabel="Save proposal"
              submitting={fetching}
              problems={problems.problems}
              onProblems={(next) => setProblems({ problems: next, stale: false })}
              onSubmit={handleSubmit}
            />
          </>
        ) : (
          <NotFoundPage heading="Request not found" explanation="This request does not exist or is not visible to you." />
        )
      }
    </QueryStates>
  );
}
