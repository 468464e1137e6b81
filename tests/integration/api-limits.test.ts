import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import type { GraphqlResponse } from '../fixtures/api-client.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { collectWebDocuments, persistedOperations } from '../../web/scripts/persisted-operations.ts';

// Query size limits (graphql-armor): an oversized operation is refused before it runs, with a plain
// message and no hint of where the limits lie; every operation of the web client fits.
const setup = useScenarioApp(startScenarioApp, ({ scenario }) => ({ lead: scenario.users.workforceLead }));

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const STACK_TRACE = /\bat \S+ \(|"stack"|originalError|\.ts:\d+/;

function expectRefused(result: GraphqlResponse, message: string, code = 'QUERY_TOO_COMPLEX') {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toEqual([{ message, extensions: { code } }]);
  expect(result.text).not.toMatch(STACK_TRACE);
  expect(result.text).not.toMatch(/\d/);
}

describe('operations over a size limit', () => {
  it('refuses one nested too deeply', async () => {
    const mentors = (depth: number): string => (depth === 0 ? 'id' : `mentor { ${mentors(depth - 1)} }`);
    const result = await setup.clients.lead.execute(`{ allocation(id: "${UNKNOWN_ID}") { ${mentors(12)} } }`);
    expectRefused(result, 'The query nests fields too deeply.');
  });

  it('refuses one that asks for too much at once', async () => {
    const result = await setup.clients.lead.execute(
      '{ analysts(first: 100) { edges { node { name allocations(first: 100) { edges { node { id fte startWeek endWeek } } } } } } }',
    );
    expectRefused(result, 'The query asks for too much at once.');
  });

  it('refuses one with too many aliases', async () => {
    const aliases = Array.from({ length: 11 }, (_, index) => `me${index}: me { id }`).join(' ');
    expectRefused(await setup.clients.lead.execute(`{ ${aliases} }`), 'The query uses too many aliases.');
  });

  it('refuses one with too many directives', async () => {
    const result = await setup.clients.lead.execute(`{ me { ${'id @skip(if: false) '.repeat(11)} } }`);
    expectRefused(result, 'The query uses too many directives.');
  });

  it('refuses one too long to parse', async () => {
    const result = await setup.clients.lead.execute(`{ me { ${'id '.repeat(1_000)} } }`);
    expectRefused(result, 'Syntax Error: The query is too long.', 'GRAPHQL_PARSE_FAILED');
  });

  it('does not suggest field names to someone guessing at the schema', async () => {
    const result = await setup.clients.lead.execute('{ me { nam } }');
    expect(result.errors?.[0]?.message).toBe('Cannot query field "nam" on type "User". [Suggestion hidden]');
  });

  it('runs an operation within the limits', async () => {
    const result = await setup.clients.lead.execute(`{ a: me { id } b: me { name @include(if: true) } allocation(id: "${UNKNOWN_ID}") { mentor { mentor { id } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.a).toEqual({ id: setup.scenario.users.workforceLead.id });
  });
});

describe('the web client', () => {
  it('has every operation within the limits', { timeout: 120_000 }, async () => {
    const documents = await collectWebDocuments();
    const operations = persistedOperations(documents);
    const app = createApp({ prisma: setup.database.prisma, production: true, persistedOperations: new Map(Object.entries(operations)) });
    expect(Object.keys(operations).length).toBeGreaterThan(0);
    for (const [hash, query] of Object.entries(operations)) {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      const result = (await response.json()) as GraphqlResponse;
      // Without a session or variables it fails as it starts to run: it passed parsing and validation.
      for (const error of result.errors ?? []) {
        const ranOrStarted = error.extensions?.code === 'UNAUTHENTICATED' || /"\$\w+" .*not provided/.test(error.message);
        expect(ranOrStarted, `${query}\n${error.message}`).toBe(true);
      }
    }
  });
});
