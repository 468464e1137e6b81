import { parentPort } from 'node:worker_threads';
import { solveBaseline } from './baseline.ts';
import type { MatchingJob, WorkerReply } from './run-in-worker.ts';
import { solveMatching, solveMaxFulfilment } from './solve.ts';

// The matching worker thread (started through worker-loader.mjs): solves the jobs it is sent, one at a time,
// in the order they arrive, and answers each with its result or the error that stopped it.

const port = parentPort;
if (!port) throw new Error('The matching worker runs only as a worker thread');

async function run(job: MatchingJob): Promise<unknown> {
  switch (job.kind) {
    case 'compare':
      return { engine: await solveMatching(job.input), baseline: solveBaseline(job.input) };
    case 'maxFulfilment':
      return solveMaxFulfilment(job.input);
  }
}

let queue = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: MatchingJob }) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id, ok: true, result: await run(job) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    }
    port.postMessage(reply);
  });
});
