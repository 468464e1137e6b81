import { parse } from 'csv-parse/sync';
import type { ProblemList } from './problems.ts';
import { importedText } from './spreadsheet-text.ts';

export interface CsvRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  cells: Record<string, string>;
}

/** Header names as people type them: "Contracted FTE", "contracted_fte" and " CONTRACTED-FTE " are one column. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Reads a CSV file exported from a spreadsheet: a UTF-8 byte order mark is ignored, quoted cells may hold
 * commas and line breaks, blank lines are skipped, cells are trimmed (quoted ones too: the parser keeps their
 * spaces, which an export would not give back) and text this app wrote as not-a-formula ('=…) is read back as
 * written (see spreadsheet-text.ts). Every expected column must be
 * present; unknown columns are reported, not silently dropped.
 */
export function readCsvTable(text: string, columns: readonly string[], problems: ProblemList): CsvRow[] {
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.add(0, null, `The file is not valid CSV: ${message}`);
    return [];
  }
  const [header, ...body] = records;
  if (!header) {
    problems.add(0, null, 'The file is empty: it needs a header row and at least one row of data.');
    return [];
  }
  const headers = header.record.map(normaliseHeader);
  const missing = columns.filter((column) => !headers.includes(column));
  for (const column of missing) problems.add(1, column, `The header row has no "${column}" column.`);
  headers.forEach((name, index) => {
    if (!columns.includes(name)) {
      problems.add(1, header.record[index] ?? name, `Unknown column "${header.record[index]}"; expected ${columns.join(', ')}.`);
    } else if (headers.indexOf(name) !== index) {
      problems.add(1, name, `The column "${name}" appears twice.`);
    }
  });
  if (missing.length > 0) return [];
  if (body.length === 0) problems.add(0, null, 'The file has a header row but no data rows.');
  return body.flatMap(({ record, info }) => {
    // One record is one spreadsheet row, even when a quoted cell spans lines; blank lines are blank rows.
    const row = info.records + info.empty_lines;
    const filled = record.findLastIndex((cell) => cell !== '') + 1;
    if (filled > headers.length) {
      problems.add(row, null, `This row has ${filled} cells but the header has ${headers.length}; a value containing a comma must be in quotes.`);
      return [];
    }
    return [{ row, cells: Object.fromEntries(columns.map((column) => [column, importedText((record[headers.indexOf(column)] ?? '').trim())])) }];
  });
}
