import { Button, Radios, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { fieldProblem } from './ProblemSummary.tsx';
import type { Problem } from './problems.ts';

export type Decision = 'ACCEPT' | 'DECLINE';

interface DecisionFormProps {
  /** Prefixes the fields' ids, so the page's error summary can link to them. */
  idPrefix: string;
  /** The question, e.g. "Do you accept Sam Carter for this request?" */
  legend: string;
  acceptLabel: string;
  declineLabel: string;
  /** Whether declining needs a reason (the analyst's own reason is optional). */
  reasonRequired: boolean;
  submitting: boolean;
  /** Problems shown in the page's error summary; those about this form's fields also show inline. */
  problems: readonly Problem[];
  onProblems: (problems: Problem[]) => void;
  onDecide: (decision: Decision, reason: string) => void;
}

/** Ids of the fields, for linking the error summary and mapping the server's field paths. */
export function decisionFieldIds(idPrefix: string) {
  return { decision: `${idPrefix}-accept`, reason: `${idPrefix}-reason` };
}

/** Accept or decline, with a reason: NHS radios and a textarea, checked before anything is sent. */
export function DecisionForm({ idPrefix, legend, acceptLabel, declineLabel, reasonRequired, submitting, problems, onProblems, onDecide }: DecisionFormProps) {
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const ids = decisionFieldIds(idPrefix);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Problem[] = [];
    if (!decision) missing.push({ message: 'Select whether you accept or decline', field: ids.decision });
    if (decision === 'DECLINE' && reasonRequired && !reason.trim()) missing.push({ message: 'Enter why you decline', field: ids.reason });
    if (missing.length > 0 || !decision) return onProblems(missing);
    onDecide(decision, reason.trim());
  }

  return (
    <form noValidate onSubmit={handleSubmit}>
      <Radios
        id={`${idPrefix}-decision`}
        name={`${idPrefix}-decision`}
        legend={legend}
        legendProps={{ size: 'm' }}
        error={fieldProblem(problems, ids.decision)}
      >
        <Radios.Item id={ids.decision} value="ACCEPT" checked={decision === 'ACCEPT'} onChange={() => setDecision('ACCEPT')}>
          {acceptLabel}
        </Radios.Item>
        <Radios.Item id={`${idPrefix}-decline`} value="DECLINE" checked={decision === 'DECLINE'} onChange={() => setDecision('DECLINE')}>
          {declineLabel}
        </Radios.Item>
      </Radios>
      <Textarea
        id={ids.reason}
        name={ids.reason}
        label={reasonRequired ? 'Reason for declining' : 'Reason for declining (optional)'}
        hint={reasonRequired ? 'Needed if you decline. Everyone involved in the allocation can read it.' : 'Everyone involved in the allocation can read it.'}
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fieldProblem(problems, ids.reason)}
      />
      <Button type="submit" disabled={submitting}>
        Send decision
      </Button>
    </form>
  );
}
