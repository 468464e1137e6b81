import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

// The node handler: /graphql goes to Yoga, everything else to the built web client.

let database: TestDatabase;
let webDistDir: string;
let server: Server;
let baseUrl: string;

const INDEX_HTML = '<!doctype html><title>Analyst Pool</title><div id="root"></div>';

beforeAll(async () => {
  database = await createTestDatabase('empty');
  webDistDir = mkdtempSync(path.join(tmpdir(), 'analyst-pool-web-'));
  mkdirSync(path.join(webDistDir, 'assets'));
  writeFileSync(path.join(webDistDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(webDistDir, 'assets', 'main-3f9a.js'), 'console.info("pool");');
  writeFileSync(path.join(webDistDir, 'assets', 'main-3f9a.css'), 'body { margin: 0; }');
  writeFileSync(path.join(webDistDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  server = createServer(createApp({ prisma: database.prisma, webDistDir }).handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (webDistDir) rmSync(webDistDir, { recursive: true, force: true });
  await database?.drop();
});

/** A GET whose path is sent exactly as written (fetch would normalise it first). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${rawPath}`, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serving the web client', () => {
  it('serves files with their content types', async () => {
    const script = await fetch(`${baseUrl}/assets/main-3f9a.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.info("pool");');

    const style = await fetch(`${baseUrl}/assets/main-3f9a.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await fetch(`${baseUrl}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers client-side routes with index.html', async () => {
    for (const route of ['/', '/analysts', '/analysts/0f6c2a8e-1c1b-4e59-9d3e-8b7f4f1b6a10/profile']) {
      const response = await fetch(`${baseUrl}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(INDEX_HTML);
    }
  });

  it('is 404 for a missing file and never leaves the directory', async () => {
    expect((await fetch(`${baseUrl}/assets/missing-0000.js`)).status).toBe(404);
    // Encoded slashes survive URL normalisation, so the handler itself must refuse to climb out.
    const escape = await rawGet('/..%2F..%2F..%2F..%2Fetc%2Fpasswd');
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('root:');
  });

  it('still routes /graphql to the API', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: null } });
  });

  it('offers GraphiQL outside production', async () => {
    const response = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GraphiQL');
  });
});
