// Run with tsx by worker.test.ts: compares engine and baseline in a worker thread started from a tsx process.
import { compareInWorker } from '../../../../api/src/matching/run-in-worker.ts';
import { generateIcs } from '../../../bench/matching/scenarios.ts';

const { engine, baseline } = await compareInWorker(generateIcs('rare-skill', { analysts: 40, requests: 20, weeks: 8, organisations: 6 }, 2));
process.stdout.write(
  JSON.stringify({ overCapacity: engine.metrics.overCapacity, skillViolations: engine.metrics.skillViolations, placed: baseline.proposals.length > 0 }),
);
