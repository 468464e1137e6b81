import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ServerMessage } from './server-process.ts';
import { startScriptSettings } from './start-script-flags.ts';
import { withTimeout, type Teardown } from './teardown.ts';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const SERVER_PROCESS = path.join(import.meta.dirname, 'server-process.ts');

export interface ApiServer {
  endpoint: string;
  pid: number;
}

/** Starts the API in a child process on a free loopback port. */
export async function startApiServer(databaseUrl: string, teardown: Teardown): Promise<ApiServer> {
  // The child inherits this process's tsx loader through execArgv, and gets the memory settings of `npm start`.
  const { environment, nodeOptions } = startScriptSettings();
  const child = fork(SERVER_PROCESS, [], {
    execArgv: [...process.execArgv, ...nodeOptions],
    env: { ...process.env, ...environment, BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  teardown.add(`stop the API server (pid ${child.pid})`, () => stopChild(child));
  const port = await withTimeout(listeningPort(child), START_TIMEOUT_MS, 'Starting the API server');
  return { endpoint: `http://127.0.0.1:${port}/graphql`, pid: child.pid! };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('message', (message: ServerMessage) => {
      if ('listening' in message) resolve(message.listening);
      else reject(new Error(`The API server could not listen: ${message.failed}`));
    });
    child.on('exit', (code, signal) => reject(new Error(`The API server exited before listening (code ${code}, signal ${signal})`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send('stop');
  else child.kill('SIGTERM');
  try {
    await withTimeout(exited, STOP_TIMEOUT_MS, 'Stopping the API server');
  } catch {
    child.kill('SIGKILL');
    await exited;
  }
}
