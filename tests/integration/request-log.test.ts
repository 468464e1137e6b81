import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let server: Server;
let baseUrl: string;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase('empty');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  server = createServer(createApp({ prisma: database.prisma, logger: pino(sink) }).handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.drop();
});

async function queryMe(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...headers },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
}

describe('request log', () => {
  it('logs each GraphQL request once, under the id it returns in x-request-id', async () => {
    const response = await queryMe();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines.filter((line) => line.requestId === requestId)).toEqual([
      expect.objectContaining({ msg: 'request', method: 'POST', path: '/graphql', status: 200, ms: expect.any(Number) }),
    ]);
  });

  it("keeps a caller's well-formed request id and replaces a malformed one", async () => {
    expect((await queryMe({ 'x-request-id': 'gateway-7f3a.1' })).headers.get('x-request-id')).toBe('gateway-7f3a.1');
    expect((await queryMe({ 'x-request-id': 'bad id with spaces' })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
