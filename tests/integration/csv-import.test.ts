import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/src/app.ts';
import { bootstrapAdmin } from '../../api/src/services/bootstrap.ts';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-logins.ts';
import { ApiClient, errorCodes, LOGIN } from '../fixtures/api-client.ts';
import { COMMIT_IMPORT, csvFile, exportFile, IMPORT_ORDER, PREVIEW_IMPORT, type ImportKind } from '../fixtures/csv-files.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// The demo ICS exported to CSV and imported into a new, empty ICS in the same database reproduces it:
// exporting the new ICS gives the same files, byte for byte. Re-importing changes nothing.

const emptyIcs = { email: 'lead@fellside-ics.example', password: 'a long enough password', icsName: 'Fellside ICS', icsCode: 'FELL' };
let database: TestDatabase;
let app: App;
let demoLead: ApiClient;
let newLead: ApiClient;
const demoFiles = new Map<ImportKind, string>();

async function signIn(email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(app.yoga);
  const result = await client.execute(LOGIN, { email, password });
  if (result.errors) throw new Error(result.text);
  return client;
}

async function auditCount(): Promise<number> {
  return database.prisma.auditEvent.count();
}

beforeAll(async () => {
  database = await createTestDatabase('demo');
  app = createApp({ prisma: database.prisma, now: () => TEST_TODAY });
  await bootstrapAdmin(database.prisma, emptyIcs);
  demoLead = await signIn('workforce.lead@northdales.example', DEMO_PASSWORD);
  newLead = await signIn(emptyIcs.email, emptyIcs.password);
  for (const kind of IMPORT_ORDER) demoFiles.set(kind, await exportFile(demoLead, kind));
});
afterAll(() => database.drop());

describe('CSV round trip', () => {
  it('exports the demo ICS in the import columns', () => {
    expect(demoFiles.get('ANALYSTS')!.split('\n')[0]).toBe('email,name,organisation,job_title,band,contracted_fte,pooled_fte,skills,aspirations');
    expect(demoFiles.get('REQUESTS')!.split('\n')[0]).toBe(
      'project,organisation,title,required_skills,desired_skills,fte,start_week,end_week,priority,open_to_development',
    );
    expect(demoFiles.get('ANALYSTS')!.trim().split('\n').length - 1).toBeGreaterThan(100);
  });

  it('previews the demo files against the empty ICS as all creates, and writes nothing', async () => {
    const before = await auditCount();
    const result = await newLead.execute(PREVIEW_IMPORT, { kind: 'SKILLS', csv: demoFiles.get('SKILLS') });
    expect(result.errors).toBeUndefined();
    const preview = result.data!.previewImport;
    expect(preview).toMatchObject({ problemCount: 0, updated: 0, unchanged: 0 });
    expect(preview.created).toBe(preview.rowCount);
    expect(await auditCount()).toBe(before);
  });

  it('imports every file into the empty ICS and reproduces the demo data exactly', async () => {
    for (const kind of IMPORT_ORDER) {
      const result = await newLead.execute(COMMIT_IMPORT, { kind, csv: demoFiles.get(kind) });
      expect(result.errors, `${kind}: ${result.text}`).toBeUndefined();
      expect(result.data!.commitImport).toMatchObject({ problemCount: 0, updated: 0, unchanged: 0 });
    }
    for (const kind of IMPORT_ORDER) expect(await exportFile(newLead, kind), kind).toBe(demoFiles.get(kind));
  });

  it('re-importing the same files changes nothing and records nothing', async () => {
    const before = await auditCount();
    for (const kind of IMPORT_ORDER) {
      const result = await newLead.execute(COMMIT_IMPORT, { kind, csv: demoFiles.get(kind) });
      expect(result.data!.commitImport).toMatchObject({ created: 0, updated: 0, problemCount: 0 });
      expect(result.data!.commitImport.unchanged).toBe(result.data!.commitImport.rowCount);
    }
    expect(await auditCount()).toBe(before);
  });

  it('updates only what changed; a re-assessed skill loses its evidence date, the others keep theirs', async () => {
    const analyst = await database.prisma.analyst.findFirstOrThrow({
      where: { ics: { code: { not: emptyIcs.icsCode } }, skills: { some: { lastEvidencedAt: { not: null }, level: { gte: 2 } } } },
      include: { skills: { include: { skill: true }, orderBy: { id: 'asc' } } },
      orderBy: { email: 'asc' },
    });
    const [header, ...rows] = parse(demoFiles.get('ANALYSTS')!) as string[][];
    const row = rows.find((cells) => cells[0] === analyst.email)!;
    const withCells = (changes: Record<number, string>) => csvFile(header!.join(','), [row.map((cell, index) => changes[index] ?? cell)]);

    const promoted = withCells({ 4: analyst.band === 'BAND_9' ? '8d' : '9' });
    const preview = await demoLead.execute(PREVIEW_IMPORT, { kind: 'ANALYSTS', csv: promoted });
    expect(preview.data!.previewImport.changes).toEqual([{ row: 2, key: analyst.email, action: 'UPDATE', changedFields: ['band'] }]);
    expect((await demoLead.execute(COMMIT_IMPORT, { kind: 'ANALYSTS', csv: promoted })).errors).toBeUndefined();
    const skillsAfter = () => database.prisma.analystSkill.findMany({ where: { analystId: analyst.id }, orderBy: { id: 'asc' } });
    expect((await skillsAfter()).map(({ id, level, lastEvidencedAt }) => ({ id, level, lastEvidencedAt }))).toEqual(
      analyst.skills.map(({ id, level, lastEvidencedAt }) => ({ id, level, lastEvidencedAt })),
    );

    const evidenced = analyst.skills.find((skill) => skill.lastEvidencedAt && skill.level >= 2)!;
    const reassessed = analyst.skills.map((skill) => `${skill.skill.name}:${skill.id === evidenced.id ? skill.level - 1 : skill.level}`);
    expect((await demoLead.execute(COMMIT_IMPORT, { kind: 'ANALYSTS', csv: withCells({ 4: analyst.band === 'BAND_9' ? '8d' : '9', 7: reassessed.join(';') }) })).errors).toBeUndefined();
    const after = await skillsAfter();
    expect(after.find((skill) => skill.skillId === evidenced.skillId)).toMatchObject({ level: evidenced.level - 1, lastEvidencedAt: null });
    for (const kept of analyst.skills.filter((skill) => skill.id !== evidenced.id)) {
      expect(after.find((skill) => skill.id === kept.id)?.lastEvidencedAt).toEqual(kept.lastEvidencedAt);
    }
  });
});

describe('a file with mistakes', () => {
  // One mistake per row (row 1 is the header, with an unknown column): each must come back as one message
  // naming its row and column, and nothing may be written.
  const header = '\ufeffemail,name,organisation,job_title,band,contracted_fte,pooled_fte,skills,aspirations,shoe_size';
  const good = ['ada@fellside.example', 'Ada Lovelace', 'RND', 'Analyst', '6', '1', '0.4', 'SQL:3', 'Forecasting:3', ''];
  const row = (changes: Record<number, string>) => good.map((cell, index) => changes[index] ?? cell);
  const mistakes: [string, string | null, string[]][] = [
    ['row 2: a valid analyst (later duplicated)', '', row({})],
    ['unknown organisation', 'organisation', row({ 0: 'a1@x.example', 2: 'Nowhere Trust' })],
    ['level 5', 'skills', row({ 0: 'a2@x.example', 7: 'SQL:5' })],
    ['comma decimal', 'contracted_fte', row({ 0: 'a3@x.example', 5: '0,4' })],
    ['duplicate email', 'email', row({})],
    ['not an email', 'email', row({ 0: 'ada at fellside' })],
    ['blank name', 'name', row({ 0: 'a4@x.example', 1: '' })],
    ['unknown band', 'band', row({ 0: 'a5@x.example', 4: '12' })],
    ['pooled above contracted', 'pooled_fte', row({ 0: 'a6@x.example', 5: '0.5', 6: '0.6' })],
    ['contracted above 1', 'contracted_fte', row({ 0: 'a7@x.example', 5: '1.5' })],
    ['unknown skill', 'skills', row({ 0: 'a8@x.example', 7: 'Astrology:3' })],
    ['skill without level', 'skills', row({ 0: 'a9@x.example', 7: 'SQL' })],
    ['skill twice', 'skills', row({ 0: 'a10@x.example', 7: 'SQL:3;sql:2' })],
    ['aspiration not above level', 'aspirations', row({ 0: 'a11@x.example', 8: 'SQL:2' })],
    ['pooled not a number', 'pooled_fte', row({ 0: 'a12@x.example', 6: 'half' })],
    ['FTE too precise', 'contracted_fte', row({ 0: 'a13@x.example', 5: '0.333' })],
    ['a comma outside quotes', null, [...row({ 0: 'a14@x.example' }), 'stray']],
    ['unknown level name', 'aspirations', row({ 0: 'a15@x.example', 8: 'Forecasting:Guru' })],
    ['negative pooled FTE', 'pooled_fte', row({ 0: 'a16@x.example', 6: '-0.1' })],
    ['name too long', 'name', row({ 0: 'a17@x.example', 1: 'A'.repeat(201) })],
  ];
  const file = csvFile(header, mistakes.map(([, , cells]) => cells));

  it('lists twenty problems, each by row and column in plain words', async () => {
    const result = await demoLead.execute(PREVIEW_IMPORT, { kind: 'ANALYSTS', csv: file });
    const { problems, problemCount } = result.data!.previewImport;
    const located = problems.map((problem: { row: number; column: string | null }) => `${problem.row}:${problem.column}`);
    const expected = ['1:shoe_size', ...mistakes.slice(1).map(([, column], index) => `${index + 3}:${column}`)];
    expect(problemCount).toBe(20);
    expect(located.sort()).toEqual(expected.sort());
    expect(problems.map((problem: { message: string }) => problem.message)).toEqual(
      expect.arrayContaining([
        '"Nowhere Trust" is not an organisation in this ICS (use its name or ODS code).',
        'SQL: level "5" should be 1 Awareness, 2 Working, 3 Practitioner or 4 Expert.',
        '"0,4" uses a comma; write decimals with a full stop, as 0.4.',
        'ada@fellside.example is also on row 2.',
        'Unknown column "shoe_size"; expected email, name, organisation, job_title, band, contracted_fte, pooled_fte, skills, aspirations.',
      ]),
    );
  });

  it('commits nothing and says so', async () => {
    const [analysts, audits] = [await database.prisma.analyst.count(), await auditCount()];
    const result = await demoLead.execute(COMMIT_IMPORT, { kind: 'ANALYSTS', csv: file });
    expect(errorCodes(result)).toEqual(['VALIDATION_FAILED']);
    expect(result.errors![0]!.message).toBe('The file has 20 problems; nothing was imported.');
    expect(result.errors![0]!.extensions!.fields).toHaveLength(20);
    expect([await database.prisma.analyst.count(), await auditCount()]).toEqual([analysts, audits]);
  });
});

describe('spreadsheet habits', () => {
  it('reads Excel serial dates and UK dates as their weeks', async () => {
    const header = 'project,organisation,title,required_skills,desired_skills,fte,start_week,end_week,priority,open_to_development';
    const csv = csvFile(header, [['Winter planning', 'RND', 'Bed model', 'Forecasting:3', '', '0.3', '46393', '29/03/2027', 'High', 'Yes']]);
    const result = await demoLead.execute(COMMIT_IMPORT, { kind: 'REQUESTS', csv });
    expect(result.errors).toBeUndefined();
    const request = await database.prisma.request.findFirstOrThrow({ where: { title: 'Bed model' } });
    expect([request.startWeek.toISOString().slice(0, 10), request.endWeek.toISOString().slice(0, 10)]).toEqual(['2027-01-04', '2027-03-29']);
    expect(request).toMatchObject({ status: 'SUBMITTED', priority: 'HIGH', openToDevelopment: true });
  });
});

describe('agreed work', () => {
  it('keeps an import from cutting pooled time below what accepted allocations hold', async () => {
    const analyst = await database.prisma.analyst.findFirstOrThrow({
      where: { ics: { code: { not: emptyIcs.icsCode } }, pooledFte: { gte: 0.4 }, protectedDevelopmentShare: 0.1, availabilities: { none: {} } },
      orderBy: { email: 'asc' },
    });
    const request = await database.prisma.request.findFirstOrThrow({ where: { icsId: analyst.icsId, status: 'SUBMITTED' }, orderBy: { title: 'asc' } });
    await database.prisma.allocation.create({
      data: { icsId: analyst.icsId, analystId: analyst.id, requestId: request.id, fte: 0.3, startWeek: request.startWeek, endWeek: request.startWeek, status: 'ACCEPTED' },
    });
    const [header, ...rows] = parse(demoFiles.get('ANALYSTS')!) as string[][];
    const row = rows.find((cells) => cells[0] === analyst.email)!;
    const week = request.startWeek.toISOString().slice(0, 10);

    // 0.2 pooled, less the 10 % protected for development, leaves 0.1 FTE: not enough for the 0.3 agreed.
    const result = await demoLead.execute(PREVIEW_IMPORT, { kind: 'ANALYSTS', csv: csvFile(header!.join(','), [row.map((cell, index) => (index === 6 ? '0.2' : cell))]) });
    expect(result.data!.previewImport.problems).toEqual([
      { row: 2, column: 'pooled_fte', message: `Pooled FTE 0.2 leaves 0.1 FTE in the week of ${week}, but 0.3 FTE is already agreed then; change those allocations first.` },
    ]);
  });
});

describe('who may import', () => {
  it("keeps an organisation lead to their own organisation's rows", async () => {
    const acuteLead = await signIn('acute.lead@northdales.example', DEMO_PASSWORD);
    const csv = csvFile('email,name,organisation,job_title,band,contracted_fte,pooled_fte,skills,aspirations', [
      ['new.one@hospice.example', 'New One', "St Aidan's Hospice", 'Analyst', '6', '1', '0.2', '', ''],
    ]);
    const result = await acuteLead.execute(PREVIEW_IMPORT, { kind: 'ANALYSTS', csv });
    expect(result.data!.previewImport.problems).toEqual([
      { row: 2, column: 'organisation', message: "You can import rows for your own organisation only, not St Aidan's Hospice." },
    ]);
    expect(errorCodes(await acuteLead.execute(PREVIEW_IMPORT, { kind: 'ORGANISATIONS', csv: 'name,ods_code,kind,headcount\n' }))).toEqual(['FORBIDDEN']);
  });

  it('refuses analysts and signed-out callers', async () => {
    const analyst = await signIn('analyst@northdales.example', DEMO_PASSWORD);
    expect(errorCodes(await analyst.execute(COMMIT_IMPORT, { kind: 'REQUESTS', csv: 'x\n' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await new ApiClient(app.yoga).execute(PREVIEW_IMPORT, { kind: 'REQUESTS', csv: 'x\n' }))).toEqual(['UNAUTHENTICATED']);
  });
});
