import { describe, expect, it } from 'vitest';
import type { GraphQLObjectType } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';

// Every root field must take an explicit authorization decision; a forgotten one would be open to anyone.

function rootFields(type: GraphQLObjectType | null | undefined) {
  return Object.values(type?.getFields() ?? {}).map((field) => ({
    coordinate: `${type?.name}.${field.name}`,
    authScopes: (field.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes,
  }));
}

const fields = [...rootFields(schema.getQueryType()), ...rootFields(schema.getMutationType())];

describe('root field authorization', () => {
  it('finds the root fields of both Query and Mutation', () => {
    expect(fields.map((field) => field.coordinate)).toEqual(expect.arrayContaining(['Query.analysts', 'Mutation.login']));
  });

  it('declares authScopes on every root field', () => {
    expect(fields.filter((field) => field.authScopes === undefined).map((field) => field.coordinate)).toEqual([]);
  });

  it('opens only signing in, signing out and "who am I" to the public', () => {
    const open = fields.filter((field) => (field.authScopes as { public?: boolean }).public === true);
    expect(open.map((field) => field.coordinate).sort()).toEqual(['Mutation.login', 'Mutation.logout', 'Query.me']);
  });
});
