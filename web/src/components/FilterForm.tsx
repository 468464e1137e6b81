import { Button } from 'nhsuk-react-components';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';

interface FilterFormProps {
  /** Names the search landmark, e.g. "Audit log". */
  label: string;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Offer "Clear filters" (back to the page without parameters). */
  clearable?: boolean;
  children: ReactNode;
}

/** A filter panel: a search landmark with its fields, a button that applies them and a way to clear them. */
export function FilterForm({ label, submitLabel, onSubmit, clearable = true, children }: FilterFormProps) {
  return (
    <form className="app-filters" role="search" aria-label={label} noValidate onSubmit={onSubmit}>
      {children}
      <div className="app-filters__actions">
        <Button type="submit" secondary>
          {submitLabel}
        </Button>
        {clearable && (
          <Link to="?" className="nhsuk-link">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
