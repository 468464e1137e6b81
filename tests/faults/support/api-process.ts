import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { ApiClient } from '../../fixtures/api-client.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const STARTED = /Analyst Pool is running at http:\/\/localhost:(\d+)\//;

/** One line of the server's JSON log (pino). */
export interface LogLine {
  msg: string;
  level: number;
  [field: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ApiProcess {
  pid: number;
  port: number;
  /** The log so far, parsed; stderr and any non-JSON output are kept in `output`. */
  logs: LogLine[];
  output: string[];
  exited: Promise<Exit>;
  /** Resolves with the first log line matching `message` (now or later); rejects if the process exits first. */
  logged(message: RegExp): Promise<LogLine>;
  /** A new client of this server, not signed in. */
  client(): ApiClient;
  signal(signal: NodeJS.Signals): void;
  /** Signals the server's whole process group, as a terminal's Ctrl+C does: its embedded PostgreSQL too. */
  signalGroup(signal: NodeJS.Signals): void;
}

const running = new Set<ApiProcess>();

/**
 * Starts `api/src/main.ts` as `npm start` does (without building the web client), on a free loopback port,
 * and waits until it listens. `env` comes on top of this process's environment minus DATABASE_URL and NODE_ENV.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const { DATABASE_URL: _url, NODE_ENV: _env, ...inherited } = process.env;
  // node itself (not the tsx CLI, which would run the server in a grandchild), so signals reach the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, like a server started from a terminal
  });
  const logs: LogLine[] = [];
  const output: string[] = [];
  const waiters: { message: RegExp; resolve: (line: LogLine) => void; reject: (error: Error) => void }[] = [];
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLogLine(text);
    if (!line) return void output.push(text);
    logs.push(line);
    for (const waiter of waiters.filter((candidate) => candidate.message.test(line.msg))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  createInterface({ input: child.stderr }).on('line', (text) => output.push(text));
  void exited.then(({ code, signal }) => {
    for (const waiter of waiters.splice(0)) {
      waiter.reject(new Error(`The API exited (code ${code}, signal ${signal}) before logging ${waiter.message}:\n${[...logs.map((line) => line.msg), ...output].join('\n')}`));
    }
  });

  const logged = (message: RegExp) =>
    new Promise<LogLine>((resolve, reject) => {
      const line = logs.find((candidate) => message.test(candidate.msg));
      if (line) resolve(line);
      else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`The API has exited without logging ${message}`));
      else waiters.push({ message, resolve, reject });
    });

  const api: ApiProcess = {
    pid: child.pid!,
    port: 0,
    logs,
    output,
    exited,
    logged,
    client: () => new ApiClient({ fetch }, `http://127.0.0.1:${api.port}`),
    signal: (signal) => child.kill(signal),
    signalGroup: (signal) => process.kill(-child.pid!, signal),
  };
  running.add(api);
  void exited.then(() => running.delete(api));
  const started = await logged(STARTED);
  api.port = Number(STARTED.exec(started.msg)![1]);
  return api;
}

/** SIGKILLs every server a test left running (for afterEach). */
export async function killRunningApis(): Promise<void> {
  await Promise.all(
    [...running].map((api) => {
      api.signal('SIGKILL');
      return api.exited;
    }),
  );
}

function parseLogLine(text: string): LogLine | null {
  try {
    const line = JSON.parse(text) as LogLine;
    return typeof line.msg === 'string' ? line : null;
  } catch {
    return null;
  }
}
