import { Button } from 'nhsuk-react-components';
import type { CombinedError } from 'urql';

/** Shown while the first answer for a page or section is on its way. */
export function Loading({ children }: { children: string }) {
  return (
    <p className="nhsuk-body app-loading" role="status">
      {children}
    </p>
  );
}

interface LoadErrorProps {
  error: CombinedError;
  /** What could not be loaded, e.g. "analysts". */
  what: string;
  retry?: () => void;
}

export function LoadError({ error, what, retry }: LoadErrorProps) {
  const serverMessage = error.graphQLErrors[0]?.message;
  return (
    <div className="nhsuk-error-summary" role="alert">
      <h2 className="nhsuk-error-summary__title">Sorry, we could not load {what}</h2>
      <div className="nhsuk-error-summary__body">
        <p>{serverMessage ?? 'The service did not respond. Check your connection and try again.'}</p>
        {retry && (
          <Button secondary small type="button" onClick={retry}>
            Try again
          </Button>
        )}
      </div>
    </div>
  );
}
