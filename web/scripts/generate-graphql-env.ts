// Writes web/src/generated/graphql-env.d.ts, the schema types gql.tada reads, from the printed API schema.
// Usage: tsx web/scripts/generate-graphql-env.ts [schema.graphql]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputIntrospectionFile } from '@gql.tada/internal';
import { buildSchema, introspectionFromSchema } from 'graphql';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = resolve(root, process.argv[2] ?? 'api/schema.graphql');
const outputPath = resolve(root, 'web/src/generated/graphql-env.d.ts');

const schema = buildSchema(await readFile(schemaPath, 'utf8'));
const output = outputIntrospectionFile(introspectionFromSchema(schema), {
  fileType: '.d.ts',
  shouldPreprocess: true,
});

await mkdir(dirname(outputPath), { recursive: true });
await writeFile(outputPath, output);
console.log(`GraphQL types written to ${outputPath}`);
