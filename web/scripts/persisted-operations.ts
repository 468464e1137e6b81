// The web client's persisted operations: every GraphQL document declared under web/src, keyed by the
// SHA-256 hash the client sends for it instead of its text (urql's persistedExchange).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { formatDocument, stringifyDocument } from '@urql/core';
import type { DocumentNode } from 'graphql';
import { createServer, type Plugin } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');
const sourceDir = path.join(root, 'web/src');
const graphqlModule = path.join(sourceDir, 'graphql.ts');
const recorderModule = path.join(import.meta.dirname, 'recording-graphql.ts');
/** The entry point renders into the page, so it cannot load outside a browser; it declares no documents. */
const entryModule = path.join(sourceDir, 'main.tsx');

export type PersistedOperations = Record<string, string>;

/** Loads every module under web/src with a recording `graphql` and returns the documents they declared. */
export async function collectWebDocuments(): Promise<DocumentNode[]> {
  const server = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    appType: 'custom',
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [recordDocuments()],
  });
  try {
    for (const file of webModules(sourceDir)) await server.ssrLoadModule(file);
    const { recordedDocuments } = (await server.ssrLoadModule(recorderModule)) as { recordedDocuments: DocumentNode[] };
    return [...recordedDocuments];
  } finally {
    await server.close();
  }
}

/** {hash → query} for the operation documents (fragments travel inside the operations that use them). */
export function persistedOperations(documents: readonly DocumentNode[]): PersistedOperations {
  const operations: PersistedOperations = {};
  for (const document of documents) {
    if (!document.definitions.some((definition) => definition.kind === 'OperationDefinition')) continue;
    const query = sentQuery(document);
    operations[sha256(query)] = query;
  }
  return operations;
}

/** The text urql sends and hashes for a document: with `__typename` added to every selection set. */
export function sentQuery(document: DocumentNode): string {
  return stringifyDocument(formatDocument(document));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function webModules(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return webModules(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && file !== entryModule ? [file] : [];
  });
}

function recordDocuments(): Plugin {
  return {
    name: 'record-graphql-documents',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === recorderModule) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === graphqlModule ? recorderModule : null;
    },
  };
}
