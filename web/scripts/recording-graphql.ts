// Stands in for web/src/graphql.ts while the persisted-operations manifest is collected (see
// persisted-operations.ts): the same `graphql`, which also remembers every document it creates.
import { graphql as declareDocument } from '../src/graphql.ts';

export { readFragment } from '../src/graphql.ts';

export const recordedDocuments: unknown[] = [];

export const graphql = Object.assign((...args: unknown[]) => {
  const document = (declareDocument as (...args: unknown[]) => unknown)(...args);
  recordedDocuments.push(document);
  return document;
}, declareDocument);
