import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSortedSchema, schemaFile } from '../../api/src/cli/print-schema.ts';

describe('api/schema.graphql', () => {
  it('matches the schema the code builds (run "npm run schema:print" after changing the schema)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printSortedSchema());
  });
});
