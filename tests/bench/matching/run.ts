// Benchmarks the fair matching engine against the first-come-first-served baseline on generated scenarios.
import os from 'node:os';
import { benchScenarios, type BenchScenario } from './catalogue.ts';
import { measureEngland, measureIcs } from './measure.ts';
import { readOptions, usageError, type BenchOptions } from './options.ts';
import { WorkerPool } from './parallel.ts';
import { formatTable, type BenchReport, type ScenarioReport } from './report.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

function selectScenarios(options: BenchOptions): BenchScenario[] {
  const selected = benchScenarios(options.seed).filter(
    (scenario) => (!options.only || scenario.name.includes(options.only)) && !(options.skipEngland && scenario.scope === 'england'),
  );
  if (selected.length === 0) throw usageError(`No scenario matches --only "${options.only}"`);
  return selected;
}

async function measure(scenario: BenchScenario, runs: number): Promise<ScenarioReport> {
  log(`${scenario.name}: generating…`);
  if (scenario.scope === 'ics') {
    const input = scenario.input();
    log(`${scenario.name}: solving ${runs} time(s)…`);
    return measureIcs(scenario.name, input, runs);
  }
  const inputs = scenario.inputs();
  const threads = os.availableParallelism();
  log(`${scenario.name}: solving ${inputs.length} ICSs on ${threads} worker threads, ${runs} time(s)…`);
  const pool = new WorkerPool(threads);
  try {
    return await measureEngland(scenario.name, inputs, runs, pool);
  } finally {
    await pool.close();
  }
}

async function run(): Promise<number> {
  let options: BenchOptions;
  let scenarios: BenchScenario[];
  try {
    options = readOptions();
    scenarios = selectScenarios(options);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return 2;
  }
  try {
    const report: BenchReport = { scenarios: [] };
    for (const scenario of scenarios) {
      const measured = await measure(scenario, options.runs);
      log(`${scenario.name}: engine ${measured.engine.solveMsMedian.toFixed(0)} ms median, fulfilment ${(measured.engine.fulfilment * 100).toFixed(1)} %`);
      report.scenarios.push(measured);
    }
    process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatTable(report)}\n`);
    return 0;
  } catch (error) {
    log(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

process.exitCode = await run();
