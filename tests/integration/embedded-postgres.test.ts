import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
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
