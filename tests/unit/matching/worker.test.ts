import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { solveBaseline } from '../../../api/src/matching/baseline.ts';
import {
  compareInSharedWorker,
  compareInWorker,
  MatchingWorker,
  MatchingWorkerError,
  SHARED_WORKER_IDLE_MS,
  sharedWorkerRunning,
  stopSharedWorker,
} from '../../../api/src/matching/run-in-worker.ts';
import { solveMatching } from '../../../api/src/matching/solve.ts';
import type { MatchingInput, MatchingResult } from '../../../api/src/matching/types.ts';
import { generateIcs } from '../../bench/matching/scenarios.ts';

const SMALL = { analysts: 40, requests: 20, weeks: 8, organisations: 6 };
const MEDIUM = { analysts: 80, requests: 40, weeks: 12, organisations: 8 };
const withoutTimings = ({ proposals, organisations, metrics }: MatchingResult) => ({ proposals, organisations, metrics: { ...metrics, solveMs: 0 } });

describe('matching in a worker thread', { timeout: 60_000 }, () => {
  it('answers exactly what the engine and the baseline answer in-process', async () => {
    const input = generateIcs('dominant-partner', SMALL, 3);
    const { engine, baseline } = await compareInWorker(input);
    expect(withoutTimings(engine)).toEqual(withoutTimings(await solveMatching(input)));
    expect(withoutTimings(baseline)).toEqual(withoutTimings(solveBaseline(input)));
    expect(engine.proposals.length).toBeGreaterThan(0);
  });

  it('keeps the main event loop turning while it solves', async () => {
    // Turns of the event loop, counted with setImmediate: a solve on the main thread would hold them all.
    let turns = 0;
    let counting = true;
    const turnsReached = (count: number) =>
      new Promise<'turns'>((resolve) => {
        const turn = () => {
          turns += 1;
          if (turns === count) resolve('turns');
          if (counting) setImmediate(turn);
        };
        setImmediate(turn);
      });
    const solving = compareInWorker(generateIcs('balanced', MEDIUM, 5));
    const first = await Promise.race([turnsReached(50), solving.then(() => 'solve' as const)]);
    const turnsBeforeAnswer = await solving.then(() => turns);
    counting = false;
    expect(first).toBe('turns');
    expect(turnsBeforeAnswer).toBeGreaterThan(50);
  });

  it('rejects with the solver’s own message when a solve fails', async () => {
    const input = generateIcs('balanced', SMALL, 3);
    const broken: MatchingInput = { ...input, organisations: input.organisations.slice(1) };
    await expect(compareInWorker(broken)).rejects.toThrow(
      expect.objectContaining({ name: 'MatchingWorkerError', message: expect.stringMatching(/^Matching failed: .*not among the input organisations/) }),
    );
  });

  it('stops the solve when aborted, and refuses a signal aborted beforehand', async () => {
    const controller = new AbortController();
    const running = compareInWorker(generateIcs('balanced', MEDIUM, 5), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toThrow(new MatchingWorkerError('Matching aborted'));
    await expect(compareInWorker(generateIcs('balanced', SMALL, 3), { signal: AbortSignal.abort() })).rejects.toThrow(/aborted before it started/);
  });

  it('runs several jobs on one thread in order, and rejects what is pending when terminated', async () => {
    const worker = new MatchingWorker();
    try {
      const input = generateIcs('scarce', SMALL, 4);
      const [maximum, comparison] = await Promise.all([worker.maxFulfilment(input), worker.compare(input)]);
      expect(comparison.engine.metrics.matchedFteWeeks).toBeLessThanOrEqual(maximum + 1e-6);
      const pending = expect(worker.compare(generateIcs('balanced', MEDIUM, 5))).rejects.toThrow('stopping for the test');
      await worker.terminate('stopping for the test');
      await pending;
      await expect(worker.compare(input)).rejects.toThrow('stopping for the test');
    } finally {
      await worker.terminate();
    }
  });

  it('keeps one shared thread for the API, which a failed solve does not stop, and starts a new one after shutdown', async () => {
    const input = generateIcs('balanced', SMALL, 3);
    const broken: MatchingInput = { ...input, organisations: input.organisations.slice(1) };
    try {
      await expect(compareInSharedWorker(broken)).rejects.toThrow(/^Matching failed/);
      expect(withoutTimings((await compareInSharedWorker(input)).engine)).toEqual(withoutTimings(await solveMatching(input)));
      await stopSharedWorker();
      expect((await compareInSharedWorker(input)).engine.metrics.overCapacity).toBe(0);
    } finally {
      await stopSharedWorker();
    }
  });

  it('stops the shared thread once it has idled for a while, and starts it again for the next run', async () => {
    const input = generateIcs('balanced', SMALL, 6);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await compareInSharedWorker(input);
      vi.advanceTimersByTime(SHARED_WORKER_IDLE_MS - 1);
      expect(sharedWorkerRunning()).toBe(true);
      vi.advanceTimersByTime(1);
      expect(sharedWorkerRunning()).toBe(false);
      expect((await compareInSharedWorker(input)).engine.metrics.overCapacity).toBe(0);
      expect(sharedWorkerRunning()).toBe(true);
    } finally {
      vi.useRealTimers();
      await stopSharedWorker();
    }
  });

  it('works when the parent runs under tsx, as `npm start` and `npm run bench` do', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['tests/unit/matching/support/compare-under-tsx.ts']);
    expect(JSON.parse(stdout)).toEqual({ overCapacity: 0, skillViolations: 0, placed: true });
  });
});
