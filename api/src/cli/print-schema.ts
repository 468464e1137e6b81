import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../schema/index.ts';

// Writes the committed SDL the web client's typed operations are checked against.

export const schemaFile = path.resolve(import.meta.dirname, '../../schema.graphql');

export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(schemaFile, printSortedSchema());
  console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
}
