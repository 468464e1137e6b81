import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres, type RunningPostgres } from '../../api/src/db/embedded-postgres.ts';
import { sql } from '../support/sql.ts';

const started: RunningPostgres[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDataDir(): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'analyst-pool-embedded-'));
  // As root the server runs as the `postgres` user, which must be able to reach the data directory.
  chmodSync(parent, 0o755);
  dataDirs.push(parent);
  return path.join(parent, 'postgres');
}

async function start(dataDir: string): Promise<RunningPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, disposable: true });
  started.push(server);
  return server;
}

async function startInChildProcess(dataDir: string): Promise<{ adminUrl: string; kill(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/start-embedded-postgres.ts', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [firstLine] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    adminUrl: firstLine.toString().trim(),
    async kill() {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('embedded PostgreSQL', () => {
  it('keeps its data from one start to the next', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    await sql(first.adminUrl, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    await first.stop();

    const second = await start(dataDir);
    expect(await sql(second.adminUrl, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
  });

  it('starts again after the process that owned it was killed', async () => {
    const dataDir = newDataDir();
    const owner = await startInChildProcess(dataDir);
    await sql(owner.adminUrl, 'CREATE TABLE survived (id int)');
    await owner.kill();

    const restarted = await start(dataDir);
    expect(await sql(restarted.adminUrl, `SELECT to_regclass('survived')::text AS name`)).toEqual([{ name: 'survived' }]);
  });

  it('stops at once when the server was stopped from outside, as by a Ctrl+C that reached it too', async () => {
    const dataDir = newDataDir();
    const server = await start(dataDir);
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGINT');
    await vi.waitFor(() => expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false), { timeout: 30_000 });

    await server.stop();
    expect(existsSync(`${dataDir}.owner`)).toBe(false);
  });

  it('stops a server asked to stop while it recovers from a crash, which a fast shutdown alone can leave hanging', async () => {
    const dataDir = newDataDir();
    // With fsync on, as in production, recovery takes long enough for the stop to arrive during it.
    const server = await startEmbeddedPostgres({ dataDir });
    started.push(server);
    const session = new pg.Client({ connectionString: server.adminUrl });
    session.on('error', () => {}); // it ends with the crash
    await session.connect();
    const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // A backend killed this way makes PostgreSQL reset every session and replay its log.
    process.kill(rows[0]!.pid, 'SIGKILL');
    await vi.waitFor(async () => {
      const refusal = await sql(server.adminUrl, 'SELECT 1').then(() => null, (error: unknown) => error);
      expect(refusal).toMatchObject({ code: '57P03' });
    }, { timeout: 30_000, interval: 20 });

    await server.stop();
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    const again = await start(dataDir);
    expect(await sql(again.adminUrl, 'SELECT 1 AS alive')).toEqual([{ alive: 1 }]);
  });

  it('refuses a data directory whose server still has a live owner', async () => {
    const dataDir = newDataDir();
    const owner = await startInChildProcess(dataDir);
    try {
      await expect(startEmbeddedPostgres({ dataDir, disposable: true })).rejects.toThrow(/Another process \(pid \d+\) is already using/);
      expect(await sql(owner.adminUrl, 'SELECT 1 AS alive')).toEqual([{ alive: 1 }]);
    } finally {
      await owner.kill();
      await start(dataDir); // shuts the orphan down; afterEach stops the new server
    }
  });
});
