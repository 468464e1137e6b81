import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseUrl, EMBEDDED_DATABASE } from '../../api/src/db/database.ts';
import { embeddedAdminUrl, startEmbeddedPostgres } from '../../api/src/db/embedded-postgres.ts';
import { sql } from '../support/sql.ts';
import { killRunningApis, startApiProcess, type ApiProcess } from './support/api-process.ts';
import { matchingWindow, RUN_MATCHING, signInAsWorkforceLead } from './support/demo-matching.ts';

// The API as `npm start` runs it: no DATABASE_URL, so it starts (and must stop) its own embedded PostgreSQL,
// here in a temporary data directory that all tests share; the first start seeds the demo ICS.
let dataRoot: string;
let dataDir: string;
beforeAll(() => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'analyst-pool-shutdown-'));
  chmodSync(dataRoot, 0o755); // as root, the server runs as `postgres`, which must reach its data directory
  dataDir = path.join(dataRoot, 'postgres');
});
afterEach(async () => {
  await killRunningApis();
  stopOrphanedPostgres();
});
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

const startApi = (graceSeconds: number) => startApiProcess({ ANALYST_POOL_DATA_DIR: dataRoot, SHUTDOWN_GRACE_SECONDS: String(graceSeconds) });

/** The embedded server's pid and port, from its postmaster.pid (PostgreSQL's documented layout). */
function postmaster(): { pid: number; port: number } | null {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** After a failed test killed the API, its PostgreSQL keeps running; stop it the way the next start would. */
function stopOrphanedPostgres(): void {
  const server = postmaster();
  if (server) process.kill(server.pid, 'SIGINT');
}

/** Starts PostgreSQL on the data directory again and returns what it said about the last shutdown. */
async function startupLogAfterStop(): Promise<string> {
  const messages: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir, log: (message) => messages.push(message) });
  await server.stop();
  return messages.join('\n');
}

async function expectStoppedCleanly(api: ApiProcess): Promise<void> {
  expect(await api.exited).toEqual({ code: 0, signal: null });
  expect(api.logs.map((line) => line.msg).filter((message) => message.startsWith('Stopped'))).toEqual([
    'Stopped: allocation scheduler',
    'Stopped: matching worker',
    'Stopped: database connections',
    'Stopped: embedded PostgreSQL',
    'Stopped cleanly',
  ]);
  expect(postmaster()).toBeNull();
  expect(existsSync(`${dataDir}.owner`)).toBe(false);
  const startup = await startupLogAfterStop();
  expect(startup).toMatch(/database system was shut down at/);
  expect(startup).not.toMatch(/not properly shut down|interrupted|automatic recovery/);
}

/** Starts a matching run over HTTP; returns its answer to come once the run is RUNNING in the database. */
async function matchingRunInFlight(api: ApiProcess) {
  const lead = await signInAsWorkforceLead(api);
  const url = databaseUrl(embeddedAdminUrl(postmaster()!.port), EMBEDDED_DATABASE);
  const answer = lead.execute(RUN_MATCHING, { input: matchingWindow() });
  await vi.waitFor(async () => {
    expect(await sql(url, `SELECT id FROM "MatchingRun" WHERE status = 'RUNNING'`)).toHaveLength(1);
  }, { timeout: 90_000, interval: 20 });
  return { answer };
}

/** A connection that sent a request's headers but not its whole body, so the server waits on it. */
async function hungRequest(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
  return socket;
}

describe('graceful shutdown of the API with its embedded PostgreSQL', () => {
  it('finishes the request in flight, refuses new connections, then stops the worker and PostgreSQL cleanly', async () => {
    const api = await startApi(300);
    const { answer } = await matchingRunInFlight(api);

    api.signal('SIGTERM');
    await api.logged(/Shutting down/);
    const refused = once(connect(api.port, '127.0.0.1'), 'error');
    expect(await refused).toMatchObject([{ code: 'ECONNREFUSED' }]);

    const result = await answer;
    expect(result.errors).toBeUndefined();
    expect(result.data!.runMatching).toMatchObject({ status: 'SUCCEEDED', error: null });
    await expectStoppedCleanly(api);
    // The request's log line is written when its response has been sent: after shutdown began.
    const messages = api.logs.map((line) => line.msg);
    expect(messages.lastIndexOf('request')).toBeGreaterThan(messages.indexOf('Shutting down: finishing in-flight requests'));
  });

  it('still stops cleanly when Ctrl+C reaches PostgreSQL too, answering the request in flight SERVICE_UNAVAILABLE', async () => {
    const api = await startApi(300);
    const { answer } = await matchingRunInFlight(api);

    api.signalGroup('SIGINT');
    expect((await answer).errors).toMatchObject([{ message: 'The database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    await expectStoppedCleanly(api);
  });

  it('closes a connection still open when the grace period ends', async () => {
    const api = await startApi(1);
    const socket = await hungRequest(api.port);
    const closed = once(socket, 'close');

    api.signal('SIGTERM');
    await closed;
    expect(await api.logged(/Closing the connections still open/)).toMatchObject({ reason: 'still open after 1000 ms' });
    await expectStoppedCleanly(api);
  });

  it('closes open connections at once on a second signal', async () => {
    const api = await startApi(3600);
    const socket = await hungRequest(api.port);
    const closed = once(socket, 'close');

    api.signal('SIGTERM');
    await api.logged(/Shutting down/);
    api.signal('SIGINT');
    await closed;
    expect(await api.logged(/Closing the connections still open/)).toMatchObject({ reason: 'second SIGINT' });
    await expectStoppedCleanly(api);
  });
});
