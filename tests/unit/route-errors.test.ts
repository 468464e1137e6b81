import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { withRouteErrorResponses } from '../../api/src/http/route-errors.ts';

const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }' });

function routeFailingWith(error: Error): Plugin {
  return {
    onRequest({ url }) {
      if (url.pathname === '/export/report.csv') throw error;
    },
  };
}

async function get(plugin: Plugin, path: string) {
  const yoga = createYoga({ schema, plugins: [withRouteErrorResponses(plugin)], logging: false });
  const response = await yoga.fetch(`http://localhost${path}`);
  return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
}

describe('errors in routes answered outside GraphQL', () => {
  it('answers a bare 500 for an unexpected error, with no message or stack from it', async () => {
    const secret = new Error('relation "Secret" does not exist at /work/api/src/services/x.ts:12');
    const response = await get(routeFailingWith(secret), '/export/report.csv');
    expect(response).toEqual({ status: 500, body: 'Unexpected error.', retryAfter: null });
  });

  it('answers 503 with a retry hint while the database cannot be reached', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const response = await get(routeFailingWith(unreachable), '/export/report.csv');
    expect(response.status).toBe(503);
    expect(response.body).toMatch(/database is unavailable/i);
    expect(response.retryAfter).toBe('5');
  });

  it('leaves other paths to the rest of the server', async () => {
    const response = await get(routeFailingWith(new Error('never thrown')), '/graphql?query=%7Bok%7D');
    expect(response.status).toBe(200);
  });
});
