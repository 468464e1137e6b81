import { Button, WarningCallout } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problems } from '../allocations/problems.ts';
import { formProblemsOf } from './formProblems.ts';
import './projects.css';

export type Action = () => Promise<CombinedError | undefined>;
type RecordKind = 'project' | 'request';

const noProblems: Problems = { problems: [], stale: false };

/**
 * Runs a project's or a request's actions (submit, cancel) from buttons; a refusal shows in an error summary
 * at the top of the page, with a reload when someone else changed the record meanwhile.
 */
export function useRecordActions(reload: () => void) {
  const [{ problems, stale }, setProblems] = useState(noProblems);
  const [running, setRunning] = useState(false);
  /** `what` names the record the action changes, for the stale-version message. */
  const run = async (what: RecordKind, action: Action) => {
    setRunning(true);
    const error = await action();
    setRunning(false);
    setProblems(error ? withoutFields(formProblemsOf(error, what)) : noProblems);
  };
  const reloadAndClear = () => {
    setProblems(noProblems);
    reload();
  };
  const summary = <ProblemSummary problems={problems} onReload={stale ? reloadAndClear : undefined} />;
  return { run, running, summary, failed: problems.length > 0 };
}

/** A page of actions has no form fields to link to: a refusal is said in words only. */
function withoutFields({ problems, stale }: Problems): Problems {
  return { problems: problems.map(({ message }) => ({ message })), stale };
}

interface ConfirmCancelProps {
  what: RecordKind;
  /** What cancelling does besides, e.g. that booked analysts are released. */
  consequence: ReactNode;
  disabled: boolean;
  onConfirm: () => void;
}

/** A cancel button that asks first: nothing is cancelled until the person says yes. */
export function ConfirmCancel({ what, consequence, disabled, onConfirm }: ConfirmCancelProps) {
  const [asking, setAsking] = useState(false);
  const callout = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (asking) callout.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <Button warning type="button" onClick={() => setAsking(true)}>
        Cancel this {what}
      </Button>
    );
  }
  return (
    <WarningCallout ref={callout} tabIndex={-1}>
      <WarningCallout.Heading headingLevel="h2">
        Cancel this {what}?
      </WarningCallout.Heading>
      <p>{consequence} This cannot be undone.</p>
      <div className="app-actions">
        <Button
          warning
          type="button"
          disabled={disabled}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          Yes, cancel the {what}
        </Button>
        <Button secondary type="button" onClick={() => setAsking(false)}>
          No, keep it
        </Button>
      </div>
    </WarningCallout>
  );
}
