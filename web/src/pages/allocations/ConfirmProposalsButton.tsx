import { Button } from 'nhsuk-react-components';
import { useMutation } from 'urql';
import { graphql } from '../../graphql.ts';
import { problemsOf, type Problems } from './problems.ts';

export const ConfirmAllocationsMutation = graphql(`
  mutation ConfirmAllocations($input: ConfirmAllocationsInput!) {
    confirmAllocations(input: $input) {
      id
      version
      status
      confirmed
      confirmedAt
      awaitingParties
    }
  }
`);

interface ConfirmProposalsButtonProps {
  /** The proposals to confirm: by id, or every unconfirmed one of a run. */
  target: { ids: string[] } | { runId: string };
  children: string;
  secondary?: boolean;
  onDone: (outcome: { confirmed: number } | Problems) => void;
}

/** Confirms proposals all or nothing; they then hold the analysts' time and go to the parties to decide. */
export function ConfirmProposalsButton({ target, children, secondary = false, onDone }: ConfirmProposalsButtonProps) {
  const [{ fetching }, confirm] = useMutation(ConfirmAllocationsMutation);

  async function handleClick() {
    const result = await confirm({ input: target });
    if (result.error) return onDone(problemsOf(result.error));
    onDone({ confirmed: result.data?.confirmAllocations.length ?? 0 });
  }

  return (
    <Button type="button" secondary={secondary} small={secondary} disabled={fetching} onClick={handleClick}>
      {children}
    </Button>
  );
}
