import { Button } from 'nhsuk-react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { fieldProblem, ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problem, Problems } from '../allocations/problems.ts';
import { formProblemsOf } from './formProblems.ts';
import './projects.css';

interface RecordFormProps {
  /** Names the record in messages, e.g. "request". */
  what: 'project' | 'request' | 'analyst' | 'account';
  heading: string;
  caption?: string;
  submitLabel: string;
  /** Where "Cancel" goes back to. */
  backTo: string;
  /** Offer "Cancel" (not where there is nowhere to go back to). */
  cancellable?: boolean;
  /** The words of the way back, when "Cancel" would be ambiguous. */
  cancelLabel?: string;
  /** Fields that refusals with these codes are about, e.g. INVALID_CREDENTIALS → the current password. */
  fieldOfCode?: Record<string, string>;
  /** What the browser finds wrong before sending anything; nothing means send. */
  check?: () => Problem[];
  /** Sends the form; resolves to the API's error when it refused. */
  save: () => Promise<CombinedError | undefined>;
  /** Loads the record again after someone else changed it. */
  onReload?: () => void;
  /** The fields, given the message for each field id. */
  children: (problemFor: (field: string) => string | undefined) => ReactNode;
}

const noProblems: Problems = { problems: [], stale: false };

/**
 * A project or request form in the NHS error summary pattern: problems listed at the top (focused, each
 * linking to its field), the same words next to each field, and "Error:" in the page title.
 */
export function RecordForm({
  what,
  heading,
  caption,
  submitLabel,
  backTo,
  cancellable = true,
  cancelLabel = 'Cancel',
  fieldOfCode,
  check,
  save,
  onReload,
  children,
}: RecordFormProps) {
  const [{ problems, stale }, setProblems] = useState(noProblems);
  const [saving, setSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check?.() ?? [];
    if (found.length > 0) return setProblems({ problems: found, stale: false });
    setSaving(true);
    const error = await save();
    setSaving(false);
    setProblems(error ? formProblemsOf(error, what, fieldOfCode) : noProblems);
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ProblemSummary problems={problems} onReload={stale ? onReload : undefined} />
        <PageHeading caption={caption} documentTitle={problems.length > 0 ? `Error: ${heading}` : heading}>
          {heading}
        </PageHeading>
        <form noValidate onSubmit={handleSubmit}>
          {children((field) => fieldProblem(problems, field))}
          <div className="app-actions">
            <Button type="submit" disabled={saving}>
              {submitLabel}
            </Button>
            {cancellable && <Link to={backTo}>{cancelLabel}</Link>}
          </div>
        </form>
      </div>
    </div>
  );
}
