import { Button, ErrorSummary } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import type { Problem } from './problems.ts';

interface ProblemSummaryProps {
  problems: readonly Problem[];
  /** Offered when the record changed meanwhile (STALE_VERSION). */
  onReload?: () => void;
}

/**
 * The NHS error summary: at the top of the page, focused when it appears, each problem linking to its
 * field. Problems that are not about one field (a clash, a refusal) are listed as text.
 */
export function ProblemSummary({ problems, onReload }: ProblemSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [problems]);

  if (problems.length === 0) return null;
  return (
    <ErrorSummary ref={summary} tabIndex={-1} disableAutoFocus>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {problems.map((problem) => (
          <li key={`${problem.field ?? ''}:${problem.message}`}>
            {problem.field ? <a href={`#${problem.field}`}>{problem.message}</a> : problem.message}
            {problem.details && problem.details.length > 0 && (
              <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                {problem.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ErrorSummary.List>
      {onReload && (
        <Button secondary small type="button" onClick={onReload}>
          Reload
        </Button>
      )}
    </ErrorSummary>
  );
}

/** The inline message for one field, as the summary words it. */
export function fieldProblem(problems: readonly Problem[], field: string): string | undefined {
  return problems.find((problem) => problem.field === field)?.message;
}
