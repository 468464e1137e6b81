import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { sha256 } from '../../web/scripts/persisted-operations.ts';

// Production runs only the web client's persisted operations, named by hash, and tells nothing about the
// schema; development also runs any operation sent as text, answers introspection and offers GraphiQL.
const ME = 'query Me { me { id } }';
const INTROSPECTION = 'query Schema { __schema { queryType { name } } }';
const persisted = new Map([ME, INTROSPECTION].map((query) => [sha256(query), query]));

let database: TestDatabase;
let production: App;
let development: App;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  production = createApp({ prisma: database.prisma, production: true, persistedOperations: persisted });
  development = createApp({ prisma: database.prisma, persistedOperations: persisted });
});
afterAll(() => database.drop());

async function post(app: App, body: Record<string, unknown>) {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

function byHash(query: string) {
  return { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } };
}

function openGraphiql(app: App) {
  return app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html', [CSRF_HEADER]: '1' } });
}

describe('in production', () => {
  it('runs a persisted operation named by its hash', async () => {
    expect(await post(production, byHash(ME))).toEqual({ status: 200, body: { data: { me: null } } });
  });

  it('refuses an operation sent as text, even one that is persisted', async () => {
    for (const query of [ME, '{ me { id email } }']) {
      const { status, body } = await post(production, { query });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: 'This server only runs the operations of its web client.', extensions: { code: 'PERSISTED_OPERATION_REQUIRED' } }]);
    }
  });

  it('refuses a hash it does not know', async () => {
    const { status, body } = await post(production, byHash('{ me { id email } }'));
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_OPERATION_NOT_FOUND']);
  });

  it('refuses introspection, even as a persisted operation', async () => {
    const { body } = await post(production, byHash(INTROSPECTION));
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/^GraphQL introspection has been disabled/);
  });

  it('offers no GraphiQL', async () => {
    const response = await openGraphiql(production);
    expect(await response.text()).not.toContain('GraphiQL');
  });
});

describe('in development', () => {
  it('runs operations sent as text as well as persisted ones', async () => {
    expect(await post(development, { query: '{ me { id email } }' })).toEqual({ status: 200, body: { data: { me: null } } });
    expect(await post(development, byHash(ME))).toEqual({ status: 200, body: { data: { me: null } } });
  });

  it('answers introspection', async () => {
    expect((await post(development, { query: INTROSPECTION })).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('offers GraphiQL', async () => {
    const response = await openGraphiql(development);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GraphiQL');
  });
});
