import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodes, type ApiClient } from '../fixtures/api-client.ts';
import { COMMIT_IMPORT, exportFile, IMPORT_ORDER, PREVIEW_IMPORT } from '../fixtures/csv-files.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { csvTable, csvText, mutatedTable, randomFile, validTable, type CsvReference, type CsvTable, type ImportKind } from '../support/csv-file-arbitraries.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';
import { fuzzParameters } from '../support/fuzz-parameters.ts';
import { expectNoInternalError } from '../support/internal-errors.ts';

// Files of every kind, as a workforce lead and as an organisation lead (analysts and requests), through the
// GraphQL mutations: a preview never fails and locates every problem by row; a commit of a file with any
// problem writes nothing, and one without problems writes what the preview said. Seeds: see fuzz-parameters.ts.

const used = useScenarioApp(startScenarioApp, ({ scenario }) => ({
  workforceLead: scenario.users.workforceLead,
  hospiceLead: scenario.users.hospiceLead,
}));

type Lead = 'workforceLead' | 'hospiceLead';
/** What each lead may import: organisation leads only their own analysts and requests. */
const IMPORTS: [Lead, ImportKind][] = [
  ...IMPORT_ORDER.map((kind): [Lead, ImportKind] => ['workforceLead', kind]),
  ['hospiceLead', 'ANALYSTS'],
  ['hospiceLead', 'REQUESTS'],
];
const anImport = fc.constantFrom(...IMPORTS);

/** What the lead's rows may name: the scenario's skills, and the organisations, analysts and projects they may import for. */
async function referenceFor(lead: Lead): Promise<CsvReference> {
  const prisma = used.database.prisma;
  const { ics, organisations } = used.scenario;
  const own = lead === 'hospiceLead' ? { organisationId: organisations.hospice.id } : {};
  const [skills, stored, analysts, projects] = await Promise.all([
    prisma.skill.findMany({ where: { icsId: ics.id } }),
    prisma.organisation.findMany({ where: { icsId: ics.id, ...(lead === 'hospiceLead' ? { id: organisations.hospice.id } : {}) } }),
    prisma.analyst.findMany({ where: { icsId: ics.id, ...own } }),
    prisma.project.findMany({ where: { icsId: ics.id, ...own } }),
  ]);
  return {
    skills: skills.map((skill) => skill.name),
    organisations: stored.flatMap((organisation) => [organisation.odsCode, organisation.name]),
    emails: analysts.map((analyst) => analyst.email),
    projects: projects.map((project) => project.title),
  };
}

/** The database as the last commit left it: previews and rejected commits must not change it. */
let stored: string | null = null;
const fingerprint = () => databaseFingerprint(used.database.prisma);

/** Previews then commits a file, checking both against the properties above; returns the preview's problems. */
async function previewThenCommit(lead: Lead, kind: ImportKind, csv: string): Promise<unknown[]> {
  const client: ApiClient = used.clients[lead];
  const preview = await client.execute(PREVIEW_IMPORT, { kind, csv });
  expectNoInternalError(preview);
  stored ??= await fingerprint();
  if (csv.includes('\u0000')) {
    // Text with a NUL character is refused whole (api/src/http/nul-characters.ts), before any row is read.
    expect(errorCodes(preview), preview.text).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await client.execute(COMMIT_IMPORT, { kind, csv }))).toEqual(['VALIDATION_FAILED']);
    expect(await fingerprint(), 'a refused file wrote').toBe(stored);
    return [preview.errors];
  }
  expect(preview.errors, preview.text).toBeUndefined();
  const outcome = preview.data!.previewImport;
  const lastRow = csv.split(/\r\n|\r|\n/).length;
  for (const problem of outcome.problems) {
    expect(Number.isInteger(problem.row) && problem.row >= 0 && problem.row <= lastRow, JSON.stringify(problem)).toBe(true);
    expect(problem.message).toMatch(/\S/);
  }
  expect(outcome.problemCount).toBeGreaterThanOrEqual(outcome.problems.length);

  const commit = await client.execute(COMMIT_IMPORT, { kind, csv });
  expectNoInternalError(commit);
  if (outcome.problemCount > 0) {
    expect(errorCodes(commit), commit.text).toEqual(['VALIDATION_FAILED']);
    expect(commit.errors![0]!.extensions!.problemCount).toBe(outcome.problemCount);
    expect(await fingerprint(), `a rejected file wrote: ${csv}`).toBe(stored);
  } else {
    stored = null;
    expect(commit.errors, commit.text).toBeUndefined();
    const { rowCount, created, updated, unchanged } = outcome;
    expect(commit.data!.commitImport).toEqual({ rowCount, created, updated, unchanged, problemCount: 0 });
    await expectExportReimportsUnchanged(client, kind);
  }
  return outcome.problems;
}

/** What was imported comes back out in a file that, imported again, changes nothing. */
async function expectExportReimportsUnchanged(client: ApiClient, kind: ImportKind): Promise<void> {
  const exported = await exportFile(client, kind);
  const again = await client.execute(PREVIEW_IMPORT, { kind, csv: exported });
  const changed = again.data?.previewImport.changes.filter((change: { action: string }) => change.action !== 'UNCHANGED');
  expect({ problems: again.data?.previewImport.problems, changed }, exported).toEqual({ problems: [], changed: [] });
}

/** A file made from a table for each lead and kind, with the lead's reference data at the time. */
const fileFrom = (table: (kind: ImportKind, reference: CsvReference) => fc.Arbitrary<CsvTable>, references: Map<Lead, CsvReference>) =>
  anImport.chain(([lead, kind]) =>
    table(kind, references.get(lead)!).chain(csvText).map((csv) => ({ lead, kind, csv })),
  );

async function allReferences(): Promise<Map<Lead, CsvReference>> {
  return new Map(await Promise.all((['workforceLead', 'hospiceLead'] as const).map(async (lead) => [lead, await referenceFor(lead)] as const)));
}

// Hundreds of imports per property: minutes when the machine is busy.
describe('fuzzed CSV imports', { timeout: 240_000 }, () => {
  it('random bytes and text: problems, never a failure', async () => {
    await fc.assert(
      fc.asyncProperty(anImport, randomFile, async ([lead, kind], csv) => {
        await previewThenCommit(lead, kind, csv);
      }),
      fuzzParameters(250),
    );
  });

  it('random tables with wrong, missing or repeated headers and hostile cells: all or nothing', async () => {
    const references = await allReferences();
    await fc.assert(
      fc.asyncProperty(fileFrom(csvTable, references), async ({ lead, kind, csv }) => {
        await previewThenCommit(lead, kind, csv);
      }),
      fuzzParameters(400),
    );
  });

  it('valid files commit', async () => {
    const references = await allReferences();
    await fc.assert(
      fc.asyncProperty(fileFrom(validTable, references), async ({ lead, kind, csv }) => {
        expect(await previewThenCommit(lead, kind, csv), csv).toEqual([]);
      }),
      fuzzParameters(150),
    );
  });

  it('valid files with a mistake: the mistake is found, or the file is still valid, and nothing half-written', async () => {
    const references = await allReferences();
    const mutated = (kind: ImportKind, reference: CsvReference) => validTable(kind, reference).chain((table) => mutatedTable(table, reference));
    await fc.assert(
      fc.asyncProperty(fileFrom(mutated, references), async ({ lead, kind, csv }) => {
        await previewThenCommit(lead, kind, csv);
      }),
      fuzzParameters(400),
    );
  });
});

describe('CSV exports', () => {
  const FORMULA_START = /^[=+\-@\t\r]/;

  it('write no cell a spreadsheet would run as a formula, and re-import unchanged', async () => {
    const prisma = used.database.prisma;
    const { organisations, skills, analysts, projects } = used.scenario;
    await prisma.skill.update({ where: { id: skills.sql.id }, data: { name: '=HYPERLINK("evil.example")', description: '+1+1' } });
    await prisma.organisation.update({ where: { id: organisations.hospice.id }, data: { name: "'@SUM(A1)" } });
    await prisma.analyst.update({ where: { id: analysts.hospiceAnalyst.id }, data: { name: '-2+3', jobTitle: '\t=cmd|calc' } });
    await prisma.project.update({ where: { id: projects.hospiceActive.id }, data: { title: '\r=1' } });

    const lead = used.clients.workforceLead;
    for (const kind of [...IMPORT_ORDER, 'ALLOCATIONS'] as const) {
      const cells = (parse(await exportFile(lead, kind)) as string[][]).flat();
      expect(cells.filter((cell) => FORMULA_START.test(cell)), kind).toEqual([]);
      if (kind !== 'ALLOCATIONS') await expectExportReimportsUnchanged(lead, kind);
    }
    expect(await exportFile(lead, 'SKILLS')).toContain(`"'=HYPERLINK(""evil.example"")"`);
  });
});
