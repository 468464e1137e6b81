import fc from 'fast-check';

// fast-check arbitraries of CSV files as people save them from spreadsheets, and as they should not:
// random bytes, random shapes (byte order mark, quotes, CRLF, blank lines, missing, extra or repeated
// headers), cells that are right, nearly right or hostile (formulas, very long, unicode, NUL), and small
// mutations of a valid file (a cell dropped or replaced, a row repeated).

export type ImportKind = 'SKILLS' | 'ORGANISATIONS' | 'ANALYSTS' | 'REQUESTS';

export const COLUMNS: Record<ImportKind, readonly string[]> = {
  SKILLS: ['name', 'category', 'description'],
  ORGANISATIONS: ['name', 'ods_code', 'kind', 'headcount'],
  ANALYSTS: ['email', 'name', 'organisation', 'job_title', 'band', 'contracted_fte', 'pooled_fte', 'skills', 'aspirations'],
  REQUESTS: ['project', 'organisation', 'title', 'required_skills', 'desired_skills', 'fte', 'start_week', 'end_week', 'priority', 'open_to_development'],
};

/** Names the files may refer to: what the ICS holds, so valid rows can be made. */
export interface CsvReference {
  skills: readonly string[];
  organisations: readonly string[];
  emails: readonly string[];
  projects: readonly string[];
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

const hostile = fc.oneof(
  fc.constantFrom('=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', "'=1", '=HYPERLINK("http://x")'),
  fc.constantFrom('\u0000', 'a\u0000b', '\ufeff', '\u202e', '"', '""', ',', '\n', '\r\n', ' ', '😀', 'Zoë Ñúñez', '中文', '\ud800'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('a', 'é', '😀').chain((unit) => fc.integer({ min: 150, max: 3_000 }).map((length) => unit.repeat(length))),
);

const text = fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }, { weight: 1, arbitrary: hostile });

const decimal = (digits: number) => fc.integer({ min: 0, max: 10 ** digits }).map((n) => String(n / 10 ** digits));

const skillList = (reference: CsvReference) =>
  fc
    .uniqueArray(fc.constantFrom(...reference.skills), { maxLength: 3 })
    .chain((skills) => fc.tuple(...skills.map((skill) => fc.tuple(fc.constant(skill), fc.oneof(fc.integer({ min: 1, max: 4 }).map(String), fc.constantFrom('Expert', 'working', '0', '5', 'x'))))))
    .map((pairs) => pairs.map(([skill, level]) => `${skill}:${level}`).join(';'));

const MONDAY = Date.UTC(2026, 10, 23);
const day = (offsetDays: number) => new Date(MONDAY + offsetDays * 86_400_000);
const week = fc.oneof(
  fc.integer({ min: -30, max: 400 }).map((days) => day(days).toISOString().slice(0, 10)),
  fc.integer({ min: -30, max: 400 }).map((days) => day(days).toISOString().slice(0, 10).split('-').reverse().join('/')),
  fc.integer({ min: 46_000, max: 46_500 }).map(String),
  fc.constantFrom('9999-12-31', '1980-01-01', '31/02/2027', '2027-13-01', '45000.75', '99999', '0'),
);

/** A cell for a column: usually plausible, sometimes hostile. */
function cell(column: string, reference: CsvReference): fc.Arbitrary<string> {
  const plausible: Record<string, fc.Arbitrary<string>> = {
    name: text,
    description: text,
    job_title: text,
    project: fc.oneof(fc.constantFrom(...reference.projects), text),
    title: text,
    category: fc.constantFrom('STATISTICS', 'Data engineering', 'visualisation', 'data-science', 'MAGIC'),
    ods_code: fc.oneof(fc.stringMatching(/^[A-Z0-9]{3,5}$/), fc.string({ maxLength: 14 })),
    kind: fc.constantFrom('ICB', 'Acute trust', 'hospice', 'COUNCIL', 'GP_FEDERATION', 'Pharmacy'),
    headcount: fc.oneof(fc.integer({ min: -5, max: 3_000_000 }).map(String), fc.constantFrom('1,000', '12.5', '')),
    email: fc.oneof(fc.constantFrom(...reference.emails), fc.emailAddress(), fc.string({ maxLength: 20 })),
    organisation: fc.oneof(fc.constantFrom(...reference.organisations), text),
    band: fc.constantFrom('5', '6', '7', '8a', '8B', 'Band 8c', 'BAND_8D', '9', '4', '10', ''),
    contracted_fte: fc.oneof(decimal(2), fc.constantFrom('0,5', '1.5', '-0.1', 'NaN', 'Infinity', '1e-2')),
    pooled_fte: fc.oneof(decimal(2), fc.constantFrom('0,5', '-0.1', '0x1', '')),
    fte: fc.oneof(decimal(1), fc.constantFrom('0.15', '1.1', '0,4', '')),
    skills: fc.oneof(skillList(reference), text),
    aspirations: fc.oneof(skillList(reference), text),
    required_skills: fc.oneof(skillList(reference), text),
    desired_skills: fc.oneof(skillList(reference), text),
    start_week: week,
    end_week: week,
    priority: fc.constantFrom('LOW', 'medium', 'High', 'critical', 'URGENT', ''),
    open_to_development: fc.constantFrom('yes', 'no', 'Y', 'n', 'TRUE', '0', '', 'maybe'),
  };
  return fc.oneof({ weight: 9, arbitrary: plausible[column] ?? text }, { weight: 1, arbitrary: hostile });
}

/** Header cells as people type them, or wrong: missing, extra, repeated, reordered columns. */
function header(columns: readonly string[]): fc.Arbitrary<string[]> {
  const spelled = (column: string) =>
    fc.constantFrom(column, column.toUpperCase(), ` ${column.replace(/_/g, ' ')} `, column.replace(/_/g, '-'));
  const exact = fc.tuple(...columns.map(spelled));
  return fc.oneof(
    { weight: 6, arbitrary: exact },
    { weight: 1, arbitrary: fc.shuffledSubarray([...columns]) },
    { weight: 1, arbitrary: fc.tuple(exact, fc.constantFrom(...columns, 'shoe_size', '', 'Name ')).map(([cells, extra]) => [...cells, extra]) },
  );
}

/** The column a header cell names, as the importer reads it. */
const columnOf = (headerCell: string) => headerCell.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A table for a kind of file, its rows written under its header (a header may be wrong). */
export function csvTable(kind: ImportKind, reference: CsvReference): fc.Arbitrary<CsvTable> {
  return header(COLUMNS[kind]).chain((cells) =>
    fc.record({
      header: fc.constant(cells),
      rows: fc.array(fc.tuple(...cells.map((name) => cell(columnOf(name), reference))), { maxLength: 6 }),
    }),
  );
}

/** A new key, unlike any stored one, so valid rows create. */
const fresh = (prefix: string) => fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{2,12}$/).map((name) => `${prefix} ${name.trim()}`);
const futureWeeks = fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 30 })).map(([start, length]) => [
  day(start * 7).toISOString().slice(0, 10),
  day((start + length) * 7).toISOString().slice(0, 10),
]);

/** Rows a lead of the given reference data can import without a problem: every key new to the ICS. */
const validRow: Record<ImportKind, (reference: CsvReference) => fc.Arbitrary<string[]>> = {
  SKILLS: () => fc.tuple(fresh('Skill'), fc.constantFrom('STATISTICS', 'Data engineering', 'visualisation'), fc.string({ maxLength: 60 })),
  ORGANISATIONS: () =>
    fc.tuple(fresh('Organisation'), fc.stringMatching(/^Z[A-Z0-9]{4}$/), fc.constantFrom('ICB', 'Acute trust', 'hospice'), fc.integer({ min: 1, max: 90_000 }).map(String)),
  ANALYSTS: (reference) =>
    fc
      .tuple(fc.stringMatching(/^[a-z]{1,10}\.[a-z]{1,10}$/), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .chain(([local, contracted, pooledShare]) =>
        fc.tuple(
          fc.constant(`${local}@fuzz.example`),
          fresh('Analyst'),
          fc.constantFrom(...reference.organisations),
          fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== ''),
          fc.constantFrom('5', '6', '7', '8a', 'Band 8b', '9'),
          fc.constant(String(contracted / 100)),
          fc.constant(String(Math.floor((contracted * pooledShare) / 100) / 100)),
          fc.uniqueArray(fc.constantFrom(...reference.skills), { maxLength: 3 }).chain((skills) =>
            fc.tuple(...skills.map((skill) => fc.integer({ min: 1, max: 4 }).map((level) => `${skill}:${level}`))).map((held) => held.join(';')),
          ),
          fc.constant(''),
        ),
      ),
  REQUESTS: (reference) =>
    fc.tuple(fc.uniqueArray(fc.constantFrom(...reference.skills), { minLength: 1, maxLength: 3 }), futureWeeks).chain(([skills, [start, end]]) =>
      fc.tuple(
        fc.oneof(fc.constantFrom(...reference.projects), fresh('Project')),
        fc.constantFrom(...reference.organisations),
        fresh('Request'),
        fc.constant(skills.map((skill) => `${skill}:${(skill.length % 4) + 1}`).join(';')),
        fc.constant(''),
        fc.integer({ min: 1, max: 10 }).map((tenths) => String(tenths / 10)),
        fc.constant(start!),
        fc.constant(end!),
        fc.constantFrom('LOW', 'medium', 'High', 'CRITICAL'),
        fc.constantFrom('yes', 'no', ''),
      ),
    ),
};

/** The cells that identify a row, each key on its own (an organisation is known by its name and its ODS code). */
const KEYS: Record<ImportKind, number[][]> = { SKILLS: [[0]], ORGANISATIONS: [[0], [1]], ANALYSTS: [[0]], REQUESTS: [[0, 1, 2]] };

/** A valid file of a kind: the exact header and 1–5 rows with distinct new keys. */
export function validTable(kind: ImportKind, reference: CsvReference): fc.Arbitrary<CsvTable> {
  return fc.array(validRow[kind](reference), { minLength: 1, maxLength: 5 }).map((candidates) => {
    const seen = new Set<string>();
    const keysOf = (row: string[]) => KEYS[kind].map((cells, index) => `${index}|${cells.map((at) => row[at]!.toLowerCase()).join('|')}`);
    const rows = candidates.filter((row) => {
      if (keysOf(row).some((key) => seen.has(key))) return false;
      keysOf(row).forEach((key) => seen.add(key));
      return true;
    });
    return { header: [...COLUMNS[kind]], rows };
  });
}

/** A mistake a person makes in a valid table: a cell emptied, replaced or dropped, or a row repeated. */
export function mutatedTable(table: CsvTable, reference: CsvReference): fc.Arbitrary<CsvTable> {
  if (table.rows.length === 0) return fc.constant(table);
  const position = fc.tuple(fc.nat({ max: table.rows.length - 1 }), fc.nat({ max: table.header.length - 1 }));
  const withRow = (index: number, row: string[]) => table.rows.map((existing, at) => (at === index ? row : existing));
  return fc.oneof(
    position.map(([row, column]) => ({ ...table, rows: withRow(row, table.rows[row]!.map((value, at) => (at === column ? '' : value))) })),
    fc.tuple(position, hostile).map(([[row, column], value]) => ({ ...table, rows: withRow(row, table.rows[row]!.map((old, at) => (at === column ? value : old))) })),
    position.chain(([row, column]) =>
      cell(columnOf(table.header[column]!), reference).map((value) => ({ ...table, rows: withRow(row, table.rows[row]!.map((old, at) => (at === column ? value : old))) })),
    ),
    position.map(([row, column]) => ({ ...table, rows: withRow(row, table.rows[row]!.filter((_, at) => at !== column)) })),
    fc.nat({ max: table.rows.length - 1 }).map((row) => ({ ...table, rows: [...table.rows, table.rows[row]!] })),
  );
}

/** A table written as a file: with or without a byte order mark, CRLF or LF, every cell quoted or only where needed, blank lines. */
export function csvText(table: CsvTable): fc.Arbitrary<string> {
  return fc
    .record({
      bom: fc.boolean(),
      lineEnd: fc.constantFrom('\r\n', '\n'),
      quoteAll: fc.boolean(),
      blankLinesAfter: fc.uniqueArray(fc.nat({ max: table.rows.length }), { maxLength: 2 }),
    })
    .map(({ bom, lineEnd, quoteAll, blankLinesAfter }) => {
      const quote = (value: string) => (quoteAll || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
      const lines = [table.header, ...table.rows].flatMap((cells, index) => [cells.map(quote).join(','), ...(blankLinesAfter.includes(index) ? [''] : [])]);
      return `${bom ? '\ufeff' : ''}${lines.join(lineEnd)}${lineEnd}`;
    });
}

/** Anything at all: random bytes read as UTF-8 or Latin-1, or random text. */
export const randomFile: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('utf8', 'latin1') as fc.Arbitrary<BufferEncoding>).map(([bytes, encoding]) =>
    Buffer.from(bytes).toString(encoding),
  ),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }), { maxLength: 6 }).map((rows) => rows.map((row) => row.join(',')).join('\n')),
);
