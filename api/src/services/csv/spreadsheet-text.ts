// A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a formula, so a name
// such as "=HYPERLINK(…)" in a downloaded file could run when opened. Written text cells that would start
// so get a leading apostrophe, which spreadsheets show as text; reading a file drops it again, so a file
// re-imports unchanged. Text that already starts with apostrophes before such a character gets one more,
// which keeps writing and reading exact inverses.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Text for a CSV cell that a spreadsheet will not run as a formula. */
export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text written by spreadsheetText, from a cell of an imported file. */
export function importedText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
