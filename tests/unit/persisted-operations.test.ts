import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUrqlClient } from '../../web/src/urql-client.ts';
import { collectWebDocuments, persistedOperations, sha256, type PersistedOperations } from '../../web/scripts/persisted-operations.ts';

// The manifest the API trusts in production must hold every operation the web client can send, under
// exactly the hash the client sends.
const sourceDir = path.resolve(import.meta.dirname, '../../web/src');
let documents: DocumentNode[];
let manifest: PersistedOperations;

beforeAll(async () => {
  documents = await collectWebDocuments();
  manifest = persistedOperations(documents);
}, 120_000);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

function isOperation(document: DocumentNode): boolean {
  return document.definitions.some((definition) => definition.kind === 'OperationDefinition');
}

function operationKind(document: DocumentNode): string {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return operation && 'operation' in operation ? operation.operation : '';
}

/** What the built client puts on the wire for a document. */
async function sentBody(document: DocumentNode): Promise<Record<string, any>> {
  const bodies: Record<string, any>[] = [];
  const client = createUrqlClient({
    onUnauthenticated: () => {},
    persistedOperations: true,
    fetch: async (_url, init) => {
      expect(init?.method).toBe('POST');
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ data: null }), { headers: { 'content-type': 'application/json' } });
    },
  });
  const run = operationKind(document) === 'mutation' ? client.mutation(document, {}) : client.query(document, {});
  await run.toPromise();
  expect(bodies).toHaveLength(1);
  return bodies[0]!;
}

describe('the persisted operations manifest', () => {
  it('records every document declared with graphql() under web/src', () => {
    const declared = sourceFiles(sourceDir)
      .filter((file) => file !== path.join(sourceDir, 'graphql.ts'))
      .reduce((count, file) => count + (readFileSync(file, 'utf8').match(/\bgraphql\(/g)?.length ?? 0), 0);
    expect(declared).toBeGreaterThan(0);
    expect(documents).toHaveLength(declared);
  });

  it('keys every operation by the SHA-256 of its text', () => {
    const operations = documents.filter(isOperation);
    expect(Object.keys(manifest)).toHaveLength(operations.length);
    for (const [hash, query] of Object.entries(manifest)) expect(sha256(query)).toBe(hash);
  });

  it('holds what the client sends: a hash only, by POST, and the hash is in the manifest', async () => {
    for (const document of documents.filter(isOperation)) {
      const body = await sentBody(document);
      expect(body.query).toBeUndefined();
      const hash = body.extensions?.persistedQuery?.sha256Hash as string;
      expect(manifest[hash], `the manifest misses the operation ${body.operationName}`).toBeDefined();
      expect(manifest[hash]).toMatch(new RegExp(`^(query|mutation) ${body.operationName}\\b`));
    }
  });
});
