import { MatchingWorker } from '../../../api/src/matching/run-in-worker.ts';

/** Worker threads that take the next job as soon as they finish one: independent ICSs solved side by side. */
export class WorkerPool {
  readonly #workers: MatchingWorker[];

  constructor(threads: number) {
    this.#workers = Array.from({ length: threads }, () => new MatchingWorker());
  }

  /** `job` for every item, at most one at a time per thread; results in the order of `items`. */
  async map<T, R>(items: readonly T[], job: (worker: MatchingWorker, item: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    await Promise.all(
      this.#workers.map(async (worker) => {
        while (next < items.length) {
          const index = next++;
          results[index] = await job(worker, items[index]!);
        }
      }),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
