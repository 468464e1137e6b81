// @vitest-environment jsdom
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSource from '../../api/schema.graphql?raw';

// Every page exports the operation it declares; each must be valid against the schema the API prints.
const schema = buildSchema(schemaSource);
const modules = import.meta.glob<Record<string, unknown>>(['../../web/src/**/*.tsx', '!../../web/src/main.tsx'], { eager: true });

const operations = Object.entries(modules).flatMap(([path, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode | undefined)?.kind === 'Document')
    .map(([name, document]) => ({ name: `${path.replace('../../web/src/', '')} ${name}`, document })),
);

describe('web operations', () => {
  it('finds the operations the pages declare', () => {
    expect(operations.map(({ name }) => name.split(' ')[1])).toEqual(
      expect.arrayContaining(['MeQuery', 'LoginMutation', 'HomeQuery', 'AnalystDirectoryQuery', 'AnalystProfileQuery', 'ProjectQuery']),
    );
  });

  it.each(operations)('$name is valid against api/schema.graphql', ({ document }) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
