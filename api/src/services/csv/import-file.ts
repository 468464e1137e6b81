import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../db/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { analystImporter } from './analysts.ts';
import { readCsvTable } from './csv-table.ts';
import { ImportRejectedError, LISTED_PROBLEMS } from './import-errors.ts';
import { organisationImporter } from './organisations.ts';
import type { ImportScope, Importer, RowChange } from './plan.ts';
import { ProblemList, type ImportProblem } from './problems.ts';
import { requestImporter } from './requests.ts';
import { skillImporter } from './skills.ts';

export type ImportKind = 'SKILLS' | 'ORGANISATIONS' | 'ANALYSTS' | 'REQUESTS';

export const importers: Record<ImportKind, Importer<{ changes: RowChange[] }>> = {
  SKILLS: skillImporter,
  ORGANISATIONS: organisationImporter,
  ANALYSTS: analystImporter,
  REQUESTS: requestImporter,
};

/** How many row changes one response lists (creates and updates first). */
const LISTED_CHANGES = 200;
/** A 20,000-row file commits in seconds, well inside this; the default 5 s is too tight on a busy server. */
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

export interface ImportOutcome {
  kind: ImportKind;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  problems: ImportProblem[];
  changes: RowChange[];
}

export interface ImportRequest {
  viewer: Viewer;
  kind: ImportKind;
  csv: string;
  today: Date;
}

/** What importing the file would create, update and leave unchanged, and every problem; writes nothing. */
export async function previewImport(prisma: PrismaClient, request: ImportRequest): Promise<ImportOutcome> {
  assertMayImport(request.viewer, request.kind);
  return prisma.$transaction(async (tx) => (await planImport({ tx, viewer: request.viewer, today: request.today }, request)).outcome, {
    ...TRANSACTION,
    isolationLevel: 'RepeatableRead',
  });
}

/** Imports the whole file in one transaction, or nothing when any row has a problem. Re-importing changes nothing. */
export async function commitImport(prisma: PrismaClient, request: ImportRequest): Promise<ImportOutcome> {
  assertMayImport(request.viewer, request.kind);
  return prisma.$transaction(async (tx) => {
    const scope = { tx, viewer: request.viewer, today: request.today };
    const { plan, problems, outcome } = await planImport(scope, request);
    if (problems.length > 0) throw new ImportRejectedError(problems);
    if (outcome.created + outcome.updated === 0) return outcome;
    await importers[request.kind].apply(scope, plan);
    await recordAudit(tx, {
      icsId: request.viewer.icsId,
      actorId: request.viewer.userId,
      action: `IMPORT_${request.kind}`,
      entityType: 'Import',
      entityId: createHash('sha256').update(request.csv).digest('hex'),
      after: {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        rows: plan.changes.filter((change) => change.action !== 'UNCHANGED').map(({ key, action }) => `${action} ${key}`),
      },
    });
    return outcome;
  }, TRANSACTION);
}

async function planImport(scope: ImportScope, request: ImportRequest) {
  const importer = importers[request.kind];
  const problemList = new ProblemList();
  const rows = readCsvTable(request.csv, importer.columns, problemList);
  const plan = await importer.plan(scope, rows, problemList);
  const problems = [...problemList.items].sort((a, b) => a.row - b.row);
  const count = (action: RowChange['action']) => plan.changes.filter((change) => change.action === action).length;
  const changes = [...plan.changes].sort((a, b) => Number(a.action === 'UNCHANGED') - Number(b.action === 'UNCHANGED') || a.row - b.row);
  const outcome: ImportOutcome = {
    kind: request.kind,
    rowCount: rows.length,
    created: count('CREATE'),
    updated: count('UPDATE'),
    unchanged: count('UNCHANGED'),
    problemCount: problems.length,
    problems: problems.slice(0, LISTED_PROBLEMS),
    changes: changes.slice(0, LISTED_CHANGES),
  };
  return { plan, problems, outcome };
}

/** Workforce leads import anything; organisation leads their own analysts and requests. */
function assertMayImport(viewer: Viewer, kind: ImportKind): void {
  if (viewer.role === 'WORKFORCE_LEAD') return;
  const icsWide = kind === 'SKILLS' || kind === 'ORGANISATIONS';
  if (viewer.role === 'ORGANISATION_LEAD' && viewer.organisationId && !icsWide) return;
  throw new ForbiddenError(icsWide ? `Only ICS workforce leads can import ${kind.toLowerCase()}.` : 'Only leads can import files.');
}
