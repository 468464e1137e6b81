import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** ISO calendar date, "YYYY-MM-DD"; weeks are given by their Monday. */
    Date: string;
    /** ISO 8601 timestamp. */
    DateTime: string;
  };
}>();

export { readFragment } from 'gql.tada';
export type { ResultOf, VariablesOf } from 'gql.tada';
