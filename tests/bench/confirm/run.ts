// Confirms a large matching run's proposals: a few by id, more by id, then the rest of the run at once,
// counting the SQL statements and timing each confirmation. Options: --dataset (demo, large, england; default
// large: 600 analysts), --first <sizes> (default 10,100), --json.
import { parseArgs } from 'node:util';
import type { Viewer } from '../../../api/src/auth/session.ts';
import { createPrismaClient } from '../../../api/src/db/client.ts';
import { addWeeksTo, mondayOf } from '../../../api/src/domain/weeks.ts';
import { compareInWorker } from '../../../api/src/matching/run-in-worker.ts';
import { confirmAllocations, type ConfirmTarget } from '../../../api/src/services/allocations/confirm.ts';
import { runMatching } from '../../../api/src/services/matching/run-matching.ts';
import { createBenchDatabase } from '../api/database.ts';
import { DATASETS, type Dataset } from '../api/datasets.ts';
import { Teardown } from '../api/teardown.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);
const { values } = parseArgs({
  options: { dataset: { type: 'string', default: 'large' }, first: { type: 'string', default: '10,100' }, json: { type: 'boolean', default: false } },
});
if (!DATASETS.includes(values.dataset as Dataset)) throw new Error(`--dataset is one of ${DATASETS.join(', ')}`);
/** Sizes of the by-id confirmations before the rest of the run; `--first=` confirms the whole run at once. */
const firstBatches = values.first.split(',').filter(Boolean).map(Number);

interface Step {
  confirmed: string;
  proposals: number;
  statements: number;
  ms: number;
}

async function main(teardown: Teardown): Promise<Step[]> {
  const database = await createBenchDatabase(teardown, log, values.dataset as Dataset);
  let statements = 0;
  const prisma = createPrismaClient(database.url, { onQuery: () => (statements += 1) });
  teardown.add('disconnect', () => prisma.$disconnect());
  const email = database.seeded.viewers.find((viewer) => viewer.role === 'WORKFORCE_LEAD')!.email;
  const lead = await prisma.user.findUniqueOrThrow({ where: { email } });
  const viewer: Viewer = { userId: lead.id, sessionId: 'bench', icsId: lead.icsId, role: lead.role, organisationId: lead.organisationId, analystId: null };

  const today = new Date();
  log('Matching the next 26 weeks…');
  const window = { windowStart: mondayOf(today), windowEnd: addWeeksTo(mondayOf(today), 25) };
  const run = await runMatching(prisma, viewer, window, () => today, { compare: (input) => compareInWorker(input) });
  if (run.status !== 'SUCCEEDED') throw new Error(`The matching run ${run.status}: ${run.error}`);
  const ids = (await prisma.allocation.findMany({ where: { runId: run.id }, select: { id: true }, orderBy: { id: 'asc' } })).map(({ id }) => id);
  log(`The run proposes ${ids.length} allocations.`);

  const steps: Step[] = [];
  const time = async (confirmed: string, target: ConfirmTarget) => {
    await new Promise((resolve) => setImmediate(resolve));
    statements = 0;
    const started = performance.now();
    const { ids: done } = await confirmAllocations(prisma, viewer, target, today);
    const ms = Math.round(performance.now() - started);
    await new Promise((resolve) => setImmediate(resolve)); // query events are emitted after the result
    steps.push({ confirmed, proposals: done.length, statements, ms });
  };
  let offset = 0;
  for (const size of firstBatches) {
    await time(`${size} by id`, { ids: ids.slice(offset, offset + size) });
    offset += size;
  }
  await time(firstBatches.length > 0 ? 'the rest of the run' : 'the whole run', { runId: run.id });
  return steps;
}

const teardown = new Teardown(log);
try {
  const steps = await main(teardown);
  if (values.json) process.stdout.write(`${JSON.stringify({ dataset: values.dataset, steps })}\n`);
  else console.table(steps);
} catch (error) {
  process.exitCode = 1;
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await teardown.run();
}
