import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type App } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

// A cookie session must not be usable by another site: requests a browser could send cross-site without a
// preflight (GET, form posts) are refused unless they carry the client's custom header.
let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  app = createApp({ prisma: database.prisma });
});
afterAll(() => database.drop());

const query = encodeURIComponent('{ me { id } }');

describe('cross-site request forgery prevention', () => {
  it('refuses a GET operation without the header', async () => {
    const response = await app.yoga.fetch(`http://localhost/graphql?query=${query}`);
    expect(response.status).toBe(403);
  });

  it('refuses a form-encoded POST without the header', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${query}`,
    });
    expect(response.status).toBe(403);
  });

  it('accepts a GET operation that carries the header', async () => {
    const response = await app.yoga.fetch(`http://localhost/graphql?query=${query}`, {
      headers: { [CSRF_HEADER]: '1', accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: null } });
  });
});
