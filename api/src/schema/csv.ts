import { z } from 'zod';
import { viewerOf } from '../context.ts';
import { exportCsv, type ExportKind } from '../services/csv/export-file.ts';
import { commitImport, previewImport, type ImportKind, type ImportOutcome } from '../services/csv/import-file.ts';
import type { RowChange } from '../services/csv/plan.ts';
import type { ImportProblem } from '../services/csv/problems.ts';
import { builder } from './builder.ts';

const ImportKindEnum = builder.enumType('ImportKind', {
  values: ['SKILLS', 'ORGANISATIONS', 'ANALYSTS', 'REQUESTS'] as const satisfies readonly ImportKind[],
});
const ExportKindEnum = builder.enumType('ExportKind', {
  values: ['SKILLS', 'ORGANISATIONS', 'ANALYSTS', 'REQUESTS', 'ALLOCATIONS'] as const satisfies readonly ExportKind[],
});
const ChangeActionEnum = builder.enumType('ImportChangeAction', { values: ['CREATE', 'UPDATE', 'UNCHANGED'] as const });

const ImportProblemRef = builder.objectRef<ImportProblem>('ImportProblem').implement({
  description: 'A mistake in the file, by spreadsheet row (header = 1; 0 = the whole file) and column.',
  fields: (t) => ({
    row: t.exposeInt('row'),
    column: t.exposeString('column', { nullable: true }),
    message: t.exposeString('message'),
  }),
});

const RowChangeRef = builder.objectRef<RowChange>('ImportRowChange').implement({
  fields: (t) => ({
    row: t.exposeInt('row'),
    key: t.exposeString('key', { description: 'The row in words: an email, an ODS code, "project / title".' }),
    action: t.field({ type: ChangeActionEnum, resolve: (change) => change.action }),
    changedFields: t.exposeStringList('changedFields'),
  }),
});

const ImportOutcomeRef = builder.objectRef<ImportOutcome>('ImportOutcome').implement({
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (outcome) => outcome.kind }),
    rowCount: t.exposeInt('rowCount'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    problemCount: t.exposeInt('problemCount'),
    problems: t.field({ type: [ImportProblemRef], description: 'The first 500 problems, by row.', resolve: (outcome) => outcome.problems }),
    changes: t.field({
      type: [RowChangeRef],
      description: 'The first 200 rows that would change (creates and updates first).',
      resolve: (outcome) => outcome.changes,
    }),
  }),
});

/** Large enough for a 20,000-row analysts file with long skill lists. */
const csvText = z.string().max(20_000_000, { message: 'The file is larger than 20 MB.' });

const importArgs = builder.args((t) => ({
  kind: t.field({ type: ImportKindEnum, required: true }),
  csv: t.string({ required: true, validate: csvText }),
}));

builder.mutationField('previewImport', (t) =>
  t.field({
    type: ImportOutcomeRef,
    description: 'Reads a CSV file and says what importing it would create, update and leave unchanged, with every problem. Writes nothing.',
    authScopes: { authenticated: true },
    args: importArgs,
    resolve: (_root, { kind, csv }, context) => previewImport(context.prisma, { viewer: viewerOf(context), kind, csv, today: context.now() }),
  }),
);

builder.mutationField('commitImport', (t) =>
  t.field({
    type: ImportOutcomeRef,
    description: 'Imports a CSV file in one transaction: all of it, or nothing when any row has a problem. Re-importing the same file changes nothing.',
    authScopes: { authenticated: true },
    args: importArgs,
    resolve: (_root, { kind, csv }, context) => commitImport(context.prisma, { viewer: viewerOf(context), kind, csv, today: context.now() }),
  }),
);

builder.queryField('exportCsv', (t) =>
  t.string({
    description: 'A CSV file of skills, organisations, analysts or requests (in the import columns) or allocations, within your scope.',
    authScopes: { authenticated: true },
    args: { kind: t.arg({ type: ExportKindEnum, required: true }) },
    resolve: (_root, { kind }, context) => exportCsv(context.prisma, viewerOf(context), kind),
  }),
);
