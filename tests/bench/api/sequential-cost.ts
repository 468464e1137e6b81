import { execute, type GraphqlRequest } from './graphql-http.ts';
import { percentile } from './load.ts';
import { processCpuMs } from './process-stats.ts';
import type { StatementCounts } from './statements.ts';

/**
 * Requests sent one after another for each figure: Linux counts CPU time in ticks of 10 ms, so the figure is
 * good to half a millisecond.
 */
const SAMPLES = 20;
const WARM_UP_REQUESTS = 10;

export interface SequentialCost {
  /** CPU time of the API process per request (user + system, PostgreSQL not counted); null off Linux. */
  cpuMs: { [Key in keyof StatementCounts]: number | null };
  /** Latency of one request sent alone just after the database changed: what one person waits for a recomputed answer. */
  aloneAfterChangeMs: { p50: number; p95: number };
}

/**
 * Requests sent one at a time, so none is in flight when the clock is read: first each just after a change to
 * the database (computed), then with nothing changing (repeated). CPU time, unlike latency under load, barely
 * depends on what else the machine is doing.
 */
export async function sequentialCost(
  endpoint: string,
  request: GraphqlRequest,
  cookie: string,
  pid: number,
  changeDatabase: () => Promise<void>,
): Promise<SequentialCost> {
  // The database is changed from this process, so the API's clock does not count it.
  const perRequest = async (beforeEach: () => Promise<void>) => {
    const latencies: number[] = [];
    const before = processCpuMs(pid);
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await beforeEach();
      const started = performance.now();
      await execute(endpoint, request, cookie);
      latencies.push(performance.now() - started);
    }
    const after = processCpuMs(pid);
    const cpuMs = before === null || after === null ? null : Number(((after - before) / SAMPLES).toFixed(1));
    return { cpuMs, latencies: latencies.sort((a, b) => a - b) };
  };
  // The first requests of an operation run cold code (and fill the caches of the parser and planner).
  for (let warmUp = 0; warmUp < WARM_UP_REQUESTS; warmUp += 1) {
    await changeDatabase();
    await execute(endpoint, request, cookie);
  }
  const computed = await perRequest(changeDatabase);
  const repeated = await perRequest(async () => {});
  return {
    cpuMs: { computed: computed.cpuMs, repeated: repeated.cpuMs },
    aloneAfterChangeMs: { p50: round1(percentile(computed.latencies, 50)), p95: round1(percentile(computed.latencies, 95)) },
  };
}

const round1 = (value: number) => Number(value.toFixed(1));
