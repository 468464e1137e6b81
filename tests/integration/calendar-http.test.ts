import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { createIcsScenario, type IcsScenario } from '../fixtures/ics-scenario.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// The feed through the real HTTP handler, as a calendar app reaches it: beside a built web client (whose
// fallback must not swallow it) and with request logging on.
let database: TestDatabase;
let scenario: IcsScenario;
let server: Server;
let baseUrl: string;
let client: ApiClient;
const webDir = mkdtempSync(path.join(tmpdir(), 'analyst-pool-web-'));
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase('empty');
  scenario = await createIcsScenario(database.prisma);
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Analyst Pool</title>');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = createApp({ prisma: database.prisma, logger: pino({ level: 'debug' }, sink), webDistDir: webDir, now: () => TEST_TODAY });
  server = createServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = await new ApiClient(app.yoga).signInAs(scenario.users.acuteAnalyst);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.drop();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the calendar feed over HTTP', () => {
  it('answers at its secret URL rather than the web client, and never logs the secret', async () => {
    const { path: feedPath } = (await client.execute('mutation { rotateCalendarFeed { path } }')).data!.rotateCalendarFeed as { path: string };
    const response = await fetch(`${baseUrl}${feedPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await response.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('SUMMARY:Community palliative care demand model: Demand forecast (0.4 FTE)');

    expect((await fetch(`${baseUrl}/calendar/unknown.ics`)).status).toBe(404);
    expect((await fetch(`${baseUrl}${feedPath}`, { method: 'POST' })).status).toBe(405);

    const secret = feedPath.slice('/calendar/'.length, -'.ics'.length);
    await expect.poll(() => lines.filter((line) => line.path === '/calendar/(secret)').length).toBe(3);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
