// Writes dist/web/persisted-operations.json ({sha256 → query}), the only operations the API runs in
// production. Runs after `vite build`, which empties dist/web.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { collectWebDocuments, persistedOperations } from './persisted-operations.ts';

const outputPath = path.resolve(import.meta.dirname, '../../dist/web/persisted-operations.json');

const operations = persistedOperations(await collectWebDocuments());
await mkdir(path.dirname(outputPath), { recursive: true });
await writeFile(outputPath, `${JSON.stringify(operations, null, 2)}\n`);
console.log(`${Object.keys(operations).length} persisted operations written to ${outputPath}`);
