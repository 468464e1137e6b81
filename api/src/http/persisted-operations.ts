import { existsSync, readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';

/** The operations the web client sends by hash: sha256 of the query text → the query text. */
export interface PersistedOperationStore {
  get(hash: string): string | undefined;
}

/** The manifest `npm run build` writes beside the web client (web/scripts/write-persisted-operations.ts). */
export const PERSISTED_OPERATIONS_FILE = 'persisted-operations.json';

export function loadPersistedOperations(file: string): PersistedOperationStore | undefined {
  if (!existsSync(file)) return undefined;
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/**
 * Runs a persisted operation when a request names one by hash. With `onlyPersisted` (production) a request
 * carrying query text is refused, so only the web client's own operations ever run.
 */
export function usePersistedWebOperations(store: PersistedOperationStore, { onlyPersisted }: { onlyPersisted: boolean }): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !onlyPersisted,
    getPersistedOperation: (hash) => store.get(hash) ?? null,
    customErrors: {
      persistedQueryOnly: {
        message: 'This server only runs the operations of its web client.',
        extensions: { code: 'PERSISTED_OPERATION_REQUIRED', http: { status: 400 } },
      },
      notFound: {
        message: 'This operation is not one the server knows. Reload the page to get the current version.',
        extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a query, or the hash of a persisted operation.',
        extensions: { code: 'PERSISTED_OPERATION_REQUIRED', http: { status: 400 } },
      },
    },
  });
}
