import { Button } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import type { AnyVariables, CombinedError, UseQueryResponse } from 'urql';
import { PageHeading } from './PageHeading.tsx';

/** Shown while the first answer for a page or section is on its way. */
export function Loading({ children }: { children: string }) {
  return (
    <p className="nhsuk-body" role="status">
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

interface QueryStatesProps<Data, Variables extends AnyVariables> {
  /** What useQuery returned. */
  query: UseQueryResponse<Data, Variables>;
  /** Said until the first answer arrives, e.g. "Loading analysts…". */
  loading: string;
  /** What could not be loaded, e.g. "analysts". */
  what: string;
  /** The page heading until then, for a page whose heading comes from the answer. */
  heading?: string;
  children: (data: Data) => ReactNode;
}

/** Renders the answer once there is one; until then, that it is loading or why it could not be loaded. */
export function QueryStates<Data, Variables extends AnyVariables>({
  query: [{ data, error, fetching }, reexecute],
  loading,
  what,
  heading,
  children,
}: QueryStatesProps<Data, Variables>) {
  if (data) return children(data);

  let state: ReactNode = null;
  if (fetching) state = <Loading>{loading}</Loading>;
  else if (error) state = <LoadError error={error} what={what} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!state || !heading) return state;
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {state}
    </>
  );
}
