import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../api/src/app.ts';
import type { Viewer } from '../../api/src/auth/session.ts';
import { createPrismaClient, type PrismaClient } from '../../api/src/db/client.ts';
import { createDatabase, databaseUrl } from '../../api/src/db/database.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../../api/src/db/embedded-postgres.ts';
import { isDatabaseUnavailable } from '../../api/src/db/unavailable.ts';
import { migrate } from '../../api/src/db/migrator.ts';
import { solveBaseline } from '../../api/src/matching/baseline.ts';
import type { MatchingComparison, MatchingInput } from '../../api/src/matching/types.ts';
import { runMatching } from '../../api/src/services/matching/run-matching.ts';
import { ApiClient, LOGIN, ME } from '../fixtures/api-client.ts';
import { createIcsScenario, SCENARIO_PASSWORD, type IcsScenario } from '../fixtures/ics-scenario.ts';
import { addMatchingDemand, MATCHING_WINDOW } from '../fixtures/matching-scenario.ts';
import { TEST_TODAY } from '../support/test-clock.ts';
import { lockWhenRowAppears, waitForBlockedApiBackend } from './support/postgres-activity.ts';

const SUBMIT_REQUEST = /* GraphQL */ `
  mutation Submit($id: ID!, $version: Int!) { submitRequest(id: $id, version: $version) { id status } }
`;
const UNAVAILABLE = { message: 'The database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };

// A PostgreSQL of its own, so stopping it touches no other test; started again on the same port and data.
// Not a disposable (fsync off) cluster: a crash must lose no committed row, as in production.
let parent: string;
let dataDir: string;
let url: string;
let postgres: RunningPostgres;
let prisma: PrismaClient;
let scenario: IcsScenario;
let app: App;
const brokenConnections: Error[] = [];
const logs: { level: number; msg: string }[] = [];

beforeAll(async () => {
  parent = mkdtempSync(path.join(tmpdir(), 'analyst-pool-restart-'));
  chmodSync(parent, 0o755); // as root, the server runs as `postgres`, which must reach its data directory
  dataDir = path.join(parent, 'postgres');
  postgres = await startEmbeddedPostgres({ dataDir });
  await createDatabase(postgres.adminUrl, 'analyst_pool');
  url = databaseUrl(postgres.adminUrl, 'analyst_pool');
  await migrate(url);
  prisma = createPrismaClient(url, { onConnectionError: (error) => brokenConnections.push(error) });
  scenario = await createIcsScenario(prisma);
  await addMatchingDemand(prisma, scenario);
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)));
      done();
    },
  });
  app = createApp({ prisma, logger: pino(logStream), now: () => TEST_TODAY });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await postgres?.stop();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

async function startPostgresAgain(): Promise<void> {
  postgres = await startEmbeddedPostgres({ dataDir, port: postgres.port });
}

const exportFairness = (client: ApiClient) =>
  app.yoga.fetch('http://localhost/export/fairness.csv', { headers: { cookie: client.cookieHeader() } });

describe('PostgreSQL restarting under a running API', () => {
  it('answers SERVICE_UNAVAILABLE while the database is down, and serves again once it is back, with the same app', async () => {
    const lead = await new ApiClient(app.yoga).signInAs(scenario.users.workforceLead);
    expect((await lead.execute(ME)).data?.me.email).toBe(scenario.users.workforceLead.email);
    expect((await exportFairness(lead)).status).toBe(200);

    await postgres.stop();
    // The pool's idle connections broke when the server went away; the pool reported and dropped them.
    await vi.waitFor(() => expect(brokenConnections.length).toBeGreaterThan(0));

    const me = await lead.execute(ME);
    expect(me.errors).toMatchObject([UNAVAILABLE]);
    expect(me.text).not.toMatch(/Unexpected error|127\.0\.0\.1|prisma|\bat /i);
    const signIn = await new ApiClient(app.yoga).execute(LOGIN, { email: scenario.users.hospiceLead.email, password: SCENARIO_PASSWORD });
    expect(signIn.errors).toMatchObject([UNAVAILABLE]);
    const download = await exportFairness(lead);
    expect(download.status).toBe(503);
    expect(await download.text()).toBe(UNAVAILABLE.message);
    expect(logs.filter((line) => line.msg === 'The database is unavailable').length).toBeGreaterThanOrEqual(2);
    expect(logs.filter((line) => /Unexpected error/.test(line.msg))).toEqual([]);

    await startPostgresAgain();
    expect((await lead.execute(ME)).data?.me.email).toBe(scenario.users.workforceLead.email);
    expect((await new ApiClient(app.yoga).signInAs(scenario.users.hospiceLead)).cookieHeader()).not.toBe('');
    expect((await exportFairness(lead)).status).toBe(200);
  });

  it('answers SERVICE_UNAVAILABLE for a request cut off by a PostgreSQL crash, and serves again after recovery', async () => {
    const lead = await new ApiClient(app.yoga).signInAs(scenario.users.workforceLead);
    const draft = scenario.requests.hospiceDraft;
    // The submission waits for the request's row, held here, until its backend is killed: PostgreSQL takes
    // a backend dying that way for a crash, ends every session and recovers.
    const held = await lockWhenRowAppears(url, 'SELECT id FROM "Request" WHERE id = $1 FOR UPDATE', [draft.id]);
    const submitting = lead.execute(SUBMIT_REQUEST, { id: draft.id, version: draft.version });
    process.kill(await waitForBlockedApiBackend(url), 'SIGKILL');
    const cutOff = await submitting;
    expect(cutOff.errors).toMatchObject([UNAVAILABLE]);
    await held.release();

    const me = await vi.waitFor(async () => {
      const answer = await lead.execute(ME);
      expect(answer.errors).toBeUndefined();
      return answer;
    }, { timeout: 60_000, interval: 200 });
    expect(me.data?.me.email).toBe(scenario.users.workforceLead.email);
    const submitted = await lead.execute(SUBMIT_REQUEST, { id: draft.id, version: draft.version });
    expect(submitted.data?.submitRequest).toMatchObject({ status: 'SUBMITTED' });
  });

  it('ends a matching run cut off by the outage FAILED once the database is back, so the next run can start', async () => {
    const lead = await prisma.user.findUniqueOrThrow({ where: { id: scenario.users.workforceLead.id } });
    const viewer: Viewer = { userId: lead.id, sessionId: 'test', icsId: lead.icsId, role: lead.role, organisationId: lead.organisationId, analystId: lead.analystId };
    const request = { windowStart: new Date(MATCHING_WINDOW.windowStart), windowEnd: new Date(MATCHING_WINDOW.windowEnd) };
    const solve = async (input: MatchingInput): Promise<MatchingComparison> => ({ engine: solveBaseline(input), baseline: solveBaseline(input) });

    let solving!: () => void;
    const solveStarted = new Promise<void>((resolve) => (solving = resolve));
    let outage!: () => void;
    const outageStarted = new Promise<void>((resolve) => (outage = resolve));
    const interrupted = runMatching(prisma, viewer, request, () => TEST_TODAY, {
      compare: async (input) => {
        solving();
        await outageStarted;
        return solve(input);
      },
    }).catch((error: unknown) => error);
    await solveStarted;
    await postgres.stop();
    outage();
    expect(isDatabaseUnavailable(await interrupted)).toBe(true);

    await startPostgresAgain();
    const run = await vi.waitFor(async () => {
      const found = await prisma.matchingRun.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
      expect(found.status).toBe('FAILED');
      return found;
    }, { timeout: 30_000, interval: 200 });
    expect(run.error).toBe('The database became unavailable during this run; run matching again.');
    expect(await prisma.allocation.count({ where: { runId: run.id } })).toBe(0);

    const next = await runMatching(prisma, viewer, request, () => TEST_TODAY, { compare: solve });
    expect(next.status).toBe('SUCCEEDED');
    expect(await prisma.allocation.count({ where: { runId: next.id } })).toBeGreaterThan(0);
  });
});
