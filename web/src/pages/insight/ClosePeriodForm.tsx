import { Button, TextInput, WarningCallout } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { dateLabel } from '../../format.ts';
import { graphql } from '../../graphql.ts';
import { ProblemSummary, fieldProblem } from '../allocations/ProblemSummary.tsx';
import { problemsOf, type Problem } from '../allocations/problems.ts';

export const CloseFairnessPeriodMutation = graphql(`
  mutation CloseFairnessPeriod($startWeek: Date!, $endWeek: Date!) {
    closeFairnessPeriod(startWeek: $startWeek, endWeek: $endWeek) { id startWeek endWeek }
  }
`);

const fieldIds = { startWeek: 'close-start', endWeek: 'close-end' };

interface ClosePeriodFormProps {
  /** Where the period must start: the week after the last closed one, when there is one. */
  fixedStart: string | null;
  suggestedStart: string;
  suggestedEnd: string;
  onClosed: (period: { startWeek: string; endWeek: string }) => void;
}

/**
 * Closing a fairness period (workforce leads): the weeks, then a confirmation that says what closing does,
 * then the close itself. Nothing is frozen until the lead says yes.
 */
export function ClosePeriodForm({ fixedStart, suggestedStart, suggestedEnd, onClosed }: ClosePeriodFormProps) {
  const [startWeek, setStartWeek] = useState(fixedStart ?? suggestedStart);
  const [endWeek, setEndWeek] = useState(suggestedEnd);
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, close] = useMutation(CloseFairnessPeriodMutation);
  const callout = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) callout.current?.focus();
  }, [confirming]);

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Problem[] = [];
    if (!startWeek) missing.push({ message: 'Enter the first week of the period', field: fieldIds.startWeek });
    if (!endWeek) missing.push({ message: 'Enter the last week of the period', field: fieldIds.endWeek });
    setProblems(missing);
    setConfirming(missing.length === 0);
  }

  async function confirm() {
    setConfirming(false);
    const result = await close({ startWeek, endWeek });
    if (result.error) setProblems(problemsOf(result.error, fieldIds).problems);
    else if (result.data) {
      setProblems([]);
      onClosed(result.data.closeFairnessPeriod);
    }
  }

  return (
    <section aria-labelledby="close-period-heading">
      <h2 id="close-period-heading">Close a period</h2>
      <p>
        Closing freezes every organisation’s figures for the period. An organisation that gave more to the pool than it received carries the
        difference into the next period as credit, which raises its weight in matching.
      </p>
      <ProblemSummary problems={problems} />
      <form onSubmit={review} noValidate>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput
              id={fieldIds.startWeek}
              name="startWeek"
              type="date"
              label="First week"
              hint={fixedStart ? 'The week after the last closed period.' : 'Any day; its week counts.'}
              value={startWeek}
              readOnly={fixedStart !== null}
              error={fieldProblem(problems, fieldIds.startWeek)}
              onChange={(event) => setStartWeek(event.currentTarget.value)}
            />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextInput
              id={fieldIds.endWeek}
              name="endWeek"
              type="date"
              label="Last week"
              hint="It must be over."
              value={endWeek}
              error={fieldProblem(problems, fieldIds.endWeek)}
              onChange={(event) => setEndWeek(event.currentTarget.value)}
            />
          </div>
        </div>
        {!confirming && (
          <Button type="submit" secondary disabled={fetching}>
            Continue
          </Button>
        )}
      </form>
      {confirming && (
        <WarningCallout ref={callout} tabIndex={-1}>
          <WarningCallout.Heading headingLevel="h3">Close the period?</WarningCallout.Heading>
          <p>
            The figures for the weeks of {dateLabel(startWeek)} to {dateLabel(endWeek)} will be frozen and their credit carried into the next
            matching runs. This cannot be undone.
          </p>
          <div className="app-actions">
            <Button type="button" warning disabled={fetching} onClick={confirm}>
              Yes, close the period
            </Button>
            <Button type="button" secondary onClick={() => setConfirming(false)}>
              No, go back
            </Button>
          </div>
        </WarningCallout>
      )}
    </section>
  );
}
