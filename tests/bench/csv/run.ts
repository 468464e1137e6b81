// Times a 20,000-row analysts import into the demo ICS: preview, commit, and the idempotent re-import.
import { parseArgs } from 'node:util';
import type { Viewer } from '../../../api/src/auth/session.ts';
import { createPrismaClient } from '../../../api/src/db/client.ts';
import { commitImport, previewImport, type ImportOutcome } from '../../../api/src/services/csv/import-file.ts';
import { DEMO_LOGINS } from '../../../prisma/seed/demo-logins.ts';
import { createBenchDatabase } from '../api/database.ts';
import { Teardown } from '../api/teardown.ts';
import { TEST_TODAY } from '../../support/test-clock.ts';
import { analystFile } from './analyst-file.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);
const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, json: { type: 'boolean', default: false } } });
const rows = Number(values.rows);

interface Step {
  step: string;
  ms: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: number;
}

async function main(teardown: Teardown): Promise<Step[]> {
  const database = await createBenchDatabase(teardown, log);
  const prisma = createPrismaClient(database.url);
  teardown.add('disconnect', () => prisma.$disconnect());
  const lead = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS.find((login) => login.role === 'WORKFORCE_LEAD')!.email } });
  const viewer: Viewer = { userId: lead.id, sessionId: 'bench', icsId: lead.icsId, role: lead.role, organisationId: lead.organisationId, analystId: null };
  const [organisations, skills] = await Promise.all([
    prisma.organisation.findMany({ where: { icsId: lead.icsId }, orderBy: { odsCode: 'asc' } }),
    prisma.skill.findMany({ where: { icsId: lead.icsId }, orderBy: { name: 'asc' } }),
  ]);
  const csv = analystFile(rows, organisations.map((o) => o.odsCode), skills.map((s) => s.name));
  log(`Importing ${rows} analysts (${(csv.length / 1e6).toFixed(1)} MB)…`);

  const steps: Step[] = [];
  const time = async (step: string, run: () => Promise<ImportOutcome>) => {
    const started = performance.now();
    const outcome = await run();
    steps.push({ step, ms: Math.round(performance.now() - started), created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, problems: outcome.problemCount });
  };
  const request = { viewer, kind: 'ANALYSTS' as const, csv, today: TEST_TODAY };
  await time('preview (new file)', () => previewImport(prisma, request));
  await time('commit (new file)', () => commitImport(prisma, request));
  await time('preview (same file again)', () => previewImport(prisma, request));
  await time('commit (same file again)', () => commitImport(prisma, request));
  return steps;
}

const teardown = new Teardown(log);
try {
  const steps = await main(teardown);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ rows, steps, rssMb: Math.round(process.memoryUsage().rss / 1e6) })}\n`);
  } else {
    console.table(steps);
    log(`Peak RSS so far: ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  }
} catch (error) {
  process.exitCode = 1;
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await teardown.run();
}
