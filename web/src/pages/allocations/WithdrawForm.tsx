import { Button, Details, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql.ts';
import { fieldProblem } from './ProblemSummary.tsx';
import { problemsOf, type Problem, type Problems } from './problems.ts';

export const WithdrawAllocationMutation = graphql(`
  mutation WithdrawAllocation($id: ID!, $version: Int!, $reason: String!) {
    withdrawAllocation(id: $id, version: $version, reason: $reason) {
      id
      version
      status
      declineReason
      awaitingParties
      viewerParties
    }
  }
`);

export const withdrawReasonId = 'withdraw-reason';

interface WithdrawFormProps {
  allocation: { id: string; version: number };
  problems: readonly Problem[];
  onProblems: (problems: Problem[] | Problems) => void;
  onWithdrawn: () => void;
}

/** Withdraws a proposal or an agreed allocation, with the reason everyone involved will read; it frees the analyst's time. */
export function WithdrawForm({ allocation, problems, onProblems, onWithdrawn }: WithdrawFormProps) {
  const [{ fetching }, withdraw] = useMutation(WithdrawAllocationMutation);
  const [reason, setReason] = useState('');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return onProblems([{ message: 'Enter why the allocation is withdrawn', field: withdrawReasonId }]);
    const result = await withdraw({ id: allocation.id, version: allocation.version, reason: reason.trim() });
    if (result.error) return onProblems(problemsOf(result.error, { reason: withdrawReasonId }));
    onWithdrawn();
  }

  return (
    <Details open={Boolean(fieldProblem(problems, withdrawReasonId))}>
      <Details.Summary>Withdraw this allocation</Details.Summary>
      <Details.Text>
        <form noValidate onSubmit={handleSubmit}>
          <Textarea
            id={withdrawReasonId}
            name={withdrawReasonId}
            label="Why it is withdrawn"
            hint="The analyst's time is freed for other work. Everyone involved can read the reason."
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={fieldProblem(problems, withdrawReasonId)}
          />
          <Button warning type="submit" disabled={fetching}>
            Withdraw allocation
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
