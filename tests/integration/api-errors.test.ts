import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/db/client.ts';
import { databaseUrl } from '../../api/src/db/database.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient, errorCodes, LOGIN, type GraphqlResponse } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp, ({ scenario }) => ({ lead: scenario.users.workforceLead }));

const STACK_TRACE = /\bat \S+ \(|"stack"|originalError|\.ts:\d+/;

function expectOnlyError(result: GraphqlResponse, code: string) {
  expect(errorCodes(result)).toEqual([code]);
  expect(result.text).not.toMatch(STACK_TRACE);
}

describe('malformed input', () => {
  it('is VALIDATION_FAILED for an id that is not a UUID, naming the argument', async () => {
    const result = await setup.clients.lead.execute('query ($id: ID!) { analyst(id: $id) { id } }', { id: 'analyst-42' });
    expectOnlyError(result, 'VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([{ path: ['id'], message: 'Not a valid id.' }]);
  });

  it('is VALIDATION_FAILED for a malformed id inside a filter', async () => {
    const result = await setup.clients.lead.execute('{ analysts(filter: { organisationId: "42" }) { totalCount } }');
    expectOnlyError(result, 'VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([{ path: ['filter', 'organisationId'], message: 'Not a valid id.' }]);
  });

  it('is VALIDATION_FAILED for a page larger than 100, also on nested connections', async () => {
    expectOnlyError(await setup.clients.lead.execute('{ analysts(first: 101) { totalCount } }'), 'VALIDATION_FAILED');
    expectOnlyError(await setup.clients.lead.execute('{ skills(first: -1) { totalCount } }'), 'VALIDATION_FAILED');
    const nested = await setup.clients.lead.execute('{ analysts(first: 1) { edges { node { allocations(first: 500) { totalCount } } } } }');
    expectOnlyError(nested, 'VALIDATION_FAILED');
  });

  it('is VALIDATION_FAILED for a cursor this API did not hand out', async () => {
    expectOnlyError(await setup.clients.lead.execute('{ projects(after: "bm90IGEgY3Vyc29y") { totalCount } }'), 'VALIDATION_FAILED');
  });

  it('is VALIDATION_FAILED for a blank job title, and out-of-range skill levels', async () => {
    const { id, version } = setup.scenario.analysts.hospiceAnalyst;
    const blank = await setup.clients.lead.execute(
      'mutation ($id: ID!, $version: Int!) { updateAnalystProfile(id: $id, version: $version, input: { jobTitle: "  " }) { id } }',
      { id, version },
    );
    expectOnlyError(blank, 'VALIDATION_FAILED');
    expect(blank.errors?.[0]?.extensions?.fields).toEqual([{ path: ['input', 'jobTitle'], message: 'Enter a job title.' }]);
    expectOnlyError(await setup.clients.lead.execute('{ analysts(filter: { minLevel: 5 }) { totalCount } }'), 'VALIDATION_FAILED');
  });
});

describe('unknown ids', () => {
  it('read as null in queries', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await setup.clients.lead.execute(
      'query ($id: ID!) { analyst(id: $id) { id } organisation(id: $id) { id } project(id: $id) { id } request(id: $id) { id } }',
      { id: unknown },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ analyst: null, organisation: null, project: null, request: null });
  });

  it('are NOT_FOUND in mutations', async () => {
    const result = await setup.clients.lead.execute(
      'mutation { updateAnalystProfile(id: "00000000-0000-4000-8000-000000000000", version: 1, input: {}) { id } }',
    );
    expectOnlyError(result, 'NOT_FOUND');
  });
});

describe('unexpected errors', () => {
  it('are masked as "Unexpected error." without any detail, even in development mode', async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    // A database that is not there is a fault of the setup, not an outage (that is SERVICE_UNAVAILABLE).
    const misconfigured = createPrismaClient(databaseUrl(inject('adminUrl'), 'no_such_database'));
    try {
      const broken = createApp({ prisma: misconfigured });
      const result = await new ApiClient(broken.yoga).execute(LOGIN, { email: 'someone@riverside.example', password: 'whatever' });

      expect(result.errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      expect(result.text).not.toMatch(STACK_TRACE);
      expect(result.text).not.toContain('127.0.0.1');
    } finally {
      process.env.NODE_ENV = nodeEnv;
      await misconfigured.$disconnect();
    }
  });

  it('never carry a stack trace in domain errors either', async () => {
    const signedOut = await new ApiClient(setup.app.yoga).execute('{ ics { id } }');
    expectOnlyError(signedOut, 'UNAUTHENTICATED');
    const analyst = await setup.signIn(setup.scenario.users.acuteAnalyst);
    const { id, version } = setup.scenario.analysts.hospiceAnalyst;
    const forbidden = await analyst.execute(
      'mutation ($id: ID!, $version: Int!) { updateAnalystProfile(id: $id, version: $version, input: {}) { id } }',
      { id, version },
    );
    expectOnlyError(forbidden, 'FORBIDDEN');
  });
});
