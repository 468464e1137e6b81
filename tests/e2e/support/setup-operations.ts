import type { PersistedOperationStore } from '../../../api/src/http/persisted-operations.ts';
import { sha256 } from '../../../web/scripts/persisted-operations.ts';

// The journey server runs only persisted operations, as in production. Besides the web client's manifest it
// knows the operations tests send straight to the API to set a journey up (callApi), registered here.
const operations = new Map<string, string>();

export const setupOperations: PersistedOperationStore = operations;

/** Registers a set-up operation with the journey server and returns the hash to send in its place. */
export function persistSetupOperation(query: string): string {
  const hash = sha256(query);
  operations.set(hash, query);
  return hash;
}
