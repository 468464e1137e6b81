import { Worker } from 'node:worker_threads';
import type { MatchingComparison, MatchingInput } from './types.ts';

// Runs the engine off the main thread, so a solve never blocks the API's event loop.

export type MatchingJob = { kind: 'compare'; input: MatchingInput } | { kind: 'maxFulfilment'; input: MatchingInput };
interface JobResult {
  compare: MatchingComparison;
  /** Most FTE-weeks any allocation could match, fairness aside. */
  maxFulfilment: number;
}
export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string; stack?: string };

const LOADER = new URL('./worker-loader.mjs', import.meta.url);

/** A matching job failed in the worker, or the worker stopped (crashed, was terminated) before answering. */
export class MatchingWorkerError extends Error {
  override name = 'MatchingWorkerError';
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** One worker thread; jobs sent to it run one after another. Call `terminate` when done with it. */
export class MatchingWorker {
  readonly #worker = new Worker(LOADER);
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #stopped: MatchingWorkerError | null = null;

  constructor() {
    this.#worker.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (!pending) return;
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(Object.assign(new MatchingWorkerError(`Matching failed: ${reply.message}`), { workerStack: reply.stack }));
    });
    this.#worker.on('error', (error) => this.#stop(new MatchingWorkerError(`Matching worker crashed: ${error.message}`, { cause: error })));
    this.#worker.on('exit', (code) => this.#stop(new MatchingWorkerError(`Matching worker exited with code ${code}`)));
  }

  compare(input: MatchingInput): Promise<MatchingComparison> {
    return this.#send('compare', input);
  }

  /** True once the thread has stopped (terminated or crashed); a stopped worker answers nothing. */
  get stopped(): boolean {
    return this.#stopped !== null;
  }

  /** True while no job sent to the thread is waiting for its answer. */
  get idle(): boolean {
    return this.#pending.size === 0;
  }

  /** Lets the process exit while this thread idles. */
  unref(): void {
    this.#worker.unref();
  }

  maxFulfilment(input: MatchingInput): Promise<number> {
    return this.#send('maxFulfilment', input);
  }

  /** Stops the thread at once; jobs not yet answered reject with `reason`. */
  async terminate(reason = 'Matching worker terminated'): Promise<void> {
    this.#stop(new MatchingWorkerError(reason));
    await this.#worker.terminate();
  }

  #send<K extends MatchingJob['kind']>(kind: K, input: MatchingInput): Promise<JobResult[K]> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise<JobResult[K]>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.#worker.postMessage({ id, job: { kind, input } });
    });
  }

  #stop(error: MatchingWorkerError): void {
    this.#stopped ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * Solves `input` with the engine and the first-come-first-served baseline in a fresh worker thread.
 * Aborting `signal` terminates the thread and rejects with a MatchingWorkerError.
 */
export async function compareInWorker(input: MatchingInput, options: { signal?: AbortSignal } = {}): Promise<MatchingComparison> {
  const { signal } = options;
  if (signal?.aborted) throw new MatchingWorkerError('Matching aborted before it started');
  const worker = new MatchingWorker();
  const abort = () => void worker.terminate('Matching aborted');
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await worker.compare(input);
  } finally {
    signal?.removeEventListener('abort', abort);
    await worker.terminate();
  }
}

// Starting a thread costs seconds (the TypeScript loader compiles the engine again), so the API keeps one
// matching thread while runs come; runs queue on it one after another. An idle thread still holds about 90 MB
// (its own heap and loader), so it stops once no run has come for a while.
export const SHARED_WORKER_IDLE_MS = 2 * 60_000;
let shared: MatchingWorker | null = null;
let idleTimer: NodeJS.Timeout | undefined;

/** Solves engine and baseline on the process's matching thread, started on first use (and again after a crash or an idle stop). */
export async function compareInSharedWorker(input: MatchingInput): Promise<MatchingComparison> {
  clearTimeout(idleTimer);
  if (!shared || shared.stopped) {
    shared = new MatchingWorker();
    shared.unref();
  }
  const worker = shared;
  try {
    return await worker.compare(input);
  } finally {
    if (worker === shared && worker.idle) idleTimer = setTimeout(() => void stopSharedWorker(), SHARED_WORKER_IDLE_MS).unref();
  }
}

/** True while the process's matching thread runs. */
export function sharedWorkerRunning(): boolean {
  return shared !== null && !shared.stopped;
}

/** Stops the process's matching thread, if it is running (graceful shutdown, or idle). */
export async function stopSharedWorker(): Promise<void> {
  clearTimeout(idleTimer);
  const worker = shared;
  shared = null;
  await worker?.terminate('The server is shutting down');
}
