import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery, type TypedDocumentNode } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';

interface RecordPageProps<Data, Found> {
  /** Names the record in messages. */
  what: 'project' | 'request';
  /** Loads the record whose id is in the route. */
  query: TypedDocumentNode<Data, { id: string }>;
  /** The record in the answer; null when it does not exist or is not visible to the viewer. */
  found: (data: Data) => Found | null | undefined;
  children: (record: Found, reload: () => void) => ReactNode;
}

/** The page of the project or request named in the route: loading and error states, then the record or "not found". */
export function RecordPage<Data, Found>({ what, query: document, found, children }: RecordPageProps<Data, Found>) {
  const { id = '' } = useParams();
  const query = useQuery({ query: document, variables: { id } });
  const heading = what === 'project' ? 'Project' : 'Request';

  return (
    <QueryStates query={query} heading={heading} loading={`Loading the ${what}…`} what={`this ${what}`}>
      {(data) => {
        const record = found(data);
        return record ? (
          children(record, () => query[1]({ requestPolicy: 'network-only' }))
        ) : (
          <NotFoundPage heading={`${heading} not found`} explanation={`This ${what} does not exist or is not visible to you.`} />
        );
      }}
    </QueryStates>
  );
}
