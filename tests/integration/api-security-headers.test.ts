import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, CSRF_HEADER, type AppOptions } from '../../api/src/app.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { createIcsScenario, type IcsScenario } from '../fixtures/ics-scenario.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// Every response of the HTTP handler, whatever serves it, carries the security headers; the web client's
// content security policy allows only its own files.
let database: TestDatabase;
let scenario: IcsScenario;
const webDistDir = mkdtempSync(path.join(tmpdir(), 'analyst-pool-web-'));
const servers: Server[] = [];

beforeAll(async () => {
  database = await createTestDatabase('empty');
  scenario = await createIcsScenario(database.prisma);
  mkdirSync(path.join(webDistDir, 'assets'));
  writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Analyst Pool</title><div id="root"></div>');
  writeFileSync(path.join(webDistDir, 'assets', 'index-3f9a.js'), 'console.info("pool");');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(webDistDir, { recursive: true, force: true });
  await database?.drop();
});

/** The app behind a real HTTP server on a free loopback port. */
async function serve(options: Partial<AppOptions> = {}) {
  const app = createApp({ prisma: database.prisma, webDistDir, now: () => TEST_TODAY, ...options });
  const server = createServer(app.handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The session works over HTTP as well as in-process: it is a row in the database behind a cookie.
  return { baseUrl, signIn: (user: { email: string }) => new ApiClient(app.yoga).signInAs(user) };
}

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy');
  expect(csp).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' https://assets.nhs.uk; " +
      "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  );
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('permissions-policy')).toContain('camera=()');
  expect(response.headers.get('strict-transport-security')).toBeNull();
}

describe('security headers', () => {
  it('are on GraphQL responses, answers and refusals alike', async () => {
    const { baseUrl } = await serve();
    const json = { 'content-type': 'application/json' };
    const answered = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(answered.status).toBe(200);
    expectSecurityHeaders(answered);
    const malformed = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: json, body: '{' });
    expect(malformed.status).toBe(400);
    expectSecurityHeaders(malformed);
    const wrongMethod = await fetch(`${baseUrl}/graphql`, { method: 'PUT', headers: json, body: '{}' });
    expect(wrongMethod.status).toBe(405);
    expectSecurityHeaders(wrongMethod);
  });

  it('are on CSV downloads and calendar feeds', async () => {
    const { baseUrl, signIn } = await serve();
    const lead = await signIn(scenario.users.workforceLead);
    const csv = await fetch(`${baseUrl}/export/fairness.csv`, { headers: { cookie: lead.cookieHeader() } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expectSecurityHeaders(csv);
    expectSecurityHeaders(await fetch(`${baseUrl}/export/fairness.csv`));

    const analyst = await signIn(scenario.users.acuteAnalyst);
    const { path: feedPath } = (await analyst.execute('mutation { rotateCalendarFeed { path } }')).data!.rotateCalendarFeed as { path: string };
    const feed = await fetch(`${baseUrl}${feedPath}`);
    expect(feed.status).toBe(200);
    expectSecurityHeaders(feed);
    const unknownFeed = await fetch(`${baseUrl}/calendar/unknown.ics`);
    expect(unknownFeed.status).toBe(404);
    expectSecurityHeaders(unknownFeed);
  });

  it('are on the web client: its page, its files, 404s and 405s', async () => {
    const { baseUrl } = await serve();
    const page = await fetch(`${baseUrl}/analysts`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page);
    const script = await fetch(`${baseUrl}/assets/index-3f9a.js`);
    expect(script.status).toBe(200);
    expectSecurityHeaders(script);
    const missing = await fetch(`${baseUrl}/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    const posted = await fetch(`${baseUrl}/analysts`, { method: 'POST' });
    expect(posted.status).toBe(405);
    expectSecurityHeaders(posted);
  });

  it('are on the API’s own 404s when no web client is served', async () => {
    const { baseUrl } = await serve({ webDistDir: undefined });
    const response = await fetch(`${baseUrl}/nowhere`);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('give GraphiQL, in development, the policy its page needs', async () => {
    const { baseUrl } = await serve();
    const response = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html', [CSRF_HEADER]: '1' } });
    expect(await response.text()).toContain('GraphiQL');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline' https://unpkg.com");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('Strict-Transport-Security', () => {
  const forwardedHttps = { 'x-forwarded-proto': 'https' };

  it('is sent when a trusted proxy says the client came over HTTPS', async () => {
    const { baseUrl } = await serve({ trustProxy: true });
    expect((await fetch(`${baseUrl}/`, { headers: forwardedHttps })).headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect((await fetch(`${baseUrl}/`, { headers: { 'x-forwarded-proto': 'http' } })).headers.get('strict-transport-security')).toBeNull();
  });

  it('is not sent over plain HTTP, whatever an untrusted X-Forwarded-Proto claims', async () => {
    const { baseUrl } = await serve();
    expect((await fetch(`${baseUrl}/`)).headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${baseUrl}/`, { headers: forwardedHttps })).headers.get('strict-transport-security')).toBeNull();
  });
});
