import { execute, type GraphqlRequest } from './graphql-http.ts';
import { processCpuMs } from './process-stats.ts';
import type { StatementCounts } from './statements.ts';

/**
 * Requests sent one after another for each figure: Linux counts CPU time in ticks of 10 ms, so the figure is
 * good to half a millisecond.
 */
const SAMPLES = 20;

/**
 * CPU time the API process spends on one request (user + system, PostgreSQL not counted), from requests sent
 * one at a time, so none is in flight when the clock is read; null off Linux. CPU time, unlike latency, barely
 * depends on what else the machine is doing.
 */
export async function cpuCost(
  endpoint: string,
  request: GraphqlRequest,
  cookie: string,
  pid: number,
  changeDatabase: () => Promise<void>,
): Promise<{ [Key in keyof StatementCounts]: number | null }> {
  // The database is changed from this process, so the API's clock does not count it.
  const perRequest = async (beforeEach: () => Promise<void>) => {
    const before = processCpuMs(pid);
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await beforeEach();
      await execute(endpoint, request, cookie);
    }
    const after = processCpuMs(pid);
    return before === null || after === null ? null : Number(((after - before) / SAMPLES).toFixed(1));
  };
  return { computed: await perRequest(changeDatabase), repeated: await perRequest(async () => {}) };
}
