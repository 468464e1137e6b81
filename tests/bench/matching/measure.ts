import { performance } from 'node:perf_hooks';
import { solveBaseline } from '../../../api/src/matching/baseline.ts';
import { solveMatching, solveMaxFulfilment } from '../../../api/src/matching/solve.ts';
import type { MatchingInput, MatchingResult } from '../../../api/src/matching/types.ts';
import { median, sideReport, sum } from './aggregate.ts';
import type { WorkerPool } from './parallel.ts';
import type { ScenarioReport } from './report.ts';

// Timings are wall-clock: one ICS is solved `runs` times on this thread (engine and baseline alike);
// England is solved `runs` times as a whole, its ICSs spread over the worker pool.

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

async function repeat<T>(runs: number, work: () => Promise<T> | T): Promise<{ result: T; msMedian: number }> {
  const timings: { result: T; ms: number }[] = [];
  for (let run = 0; run < runs; run += 1) timings.push(await timed(work));
  return { result: timings.at(-1)!.result, msMedian: median(timings.map((timing) => timing.ms)) };
}

function sizeOf(name: string, inputs: readonly MatchingInput[]) {
  return {
    name,
    analysts: sum(inputs.map((input) => input.analysts.length)),
    requests: sum(inputs.map((input) => input.requests.length)),
    organisations: sum(inputs.map((input) => input.organisations.length)),
    weeks: Math.max(...inputs.map((input) => input.weekCount)),
  };
}

const requestedOf = (results: readonly MatchingResult[]) => sum(results.map((result) => result.metrics.requestedFteWeeks));

export async function measureIcs(name: string, input: MatchingInput, runs: number): Promise<ScenarioReport> {
  const engine = await repeat(runs, () => solveMatching(input));
  const baseline = await repeat(runs, () => solveBaseline(input));
  const maxFteWeeks = await solveMaxFulfilment(input);
  const requested = requestedOf([engine.result]);
  return {
    ...sizeOf(name, [input]),
    engine: sideReport([engine.result], engine.msMedian),
    baseline: sideReport([baseline.result], baseline.msMedian),
    maxFulfilment: requested > 0 ? maxFteWeeks / requested : 1,
  };
}

export async function measureEngland(name: string, inputs: MatchingInput[], runs: number, pool: WorkerPool): Promise<ScenarioReport> {
  const solved = await repeat(runs, () => pool.map(inputs, (worker, input) => worker.compare(input)));
  const engine = solved.result.map((comparison) => comparison.engine);
  const baseline = solved.result.map((comparison) => comparison.baseline);
  const maxFteWeeks = sum(await pool.map(inputs, (worker, input) => worker.maxFulfilment(input)));
  const requested = requestedOf(engine);
  return {
    ...sizeOf(name, inputs),
    // England's engine time is the wall time of the whole parallel solve; the greedy baseline's is its own
    // solve time summed over the ICSs (it ran beside the engine in the same workers).
    engine: sideReport(engine, solved.msMedian),
    baseline: sideReport(baseline, sum(baseline.map((result) => result.solver.totalMs))),
    maxFulfilment: requested > 0 ? maxFteWeeks / requested : 1,
  };
}
