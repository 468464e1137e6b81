import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importedText, spreadsheetText } from '../../api/src/services/csv/spreadsheet-text.ts';

describe('text written to CSV', () => {
  it('never starts with a character that makes a spreadsheet run it as a formula', () => {
    const formulaLike = fc.tuple(fc.constantFrom('', "'", "''"), fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), formulaLike), (value) => {
        expect(spreadsheetText(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('reads back exactly as it was before it was written', () => {
    const formulaLike = fc.tuple(fc.stringMatching(/^'*$/), fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), formulaLike), (value) => {
        expect(importedText(spreadsheetText(value))).toBe(value);
      }),
    );
  });

  it('keeps ordinary text as it is', () => {
    expect(spreadsheetText('St Brigid’s Hospice')).toBe('St Brigid’s Hospice');
    expect(spreadsheetText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(spreadsheetText("'=1")).toBe("''=1");
  });
});
