import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/src/schema/index.ts';
import type { ApiClient } from '../fixtures/api-client.ts';
import { startCareersApp } from '../fixtures/careers-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';
import { fuzzParameters } from '../support/fuzz-parameters.ts';
import { expectNoInternalError } from '../support/internal-errors.ts';
import { argumentArbitraries, rootFieldsWithArguments, type IdPool } from '../support/graphql-input-arbitraries.ts';

// Every query and mutation with arguments, called with arguments generated from its types, well-typed
// (edge values) and ill-typed: never a 500, never a stack trace or a masked internal error, every error
// with a known code, and a mutation that fails leaves the database as it was. Seeds: see fuzz-parameters.ts.

/** Cases per operation and kind of arguments; a matching run solves a model, so it gets fewer. */
const RUNS = { wellTyped: 40, illTyped: 25 };
const FEWER_RUNS: Record<string, number> = { runMatching: 8 };

const used = useScenarioApp(startCareersApp, ({ scenario }) => ({
  workforceLead: scenario.users.workforceLead,
  organisationLead: scenario.users.hospiceLead,
}));

/** The ids in the database now, by type: earlier cases create and cancel things. */
async function idPool(): Promise<IdPool> {
  const prisma = used.database.prisma;
  const select = { select: { id: true } } as const;
  const tables = {
    Organisation: prisma.organisation.findMany(select),
    Skill: prisma.skill.findMany(select),
    RoleProfile: prisma.roleProfile.findMany(select),
    Analyst: prisma.analyst.findMany(select),
    Project: prisma.project.findMany(select),
    Request: prisma.request.findMany(select),
    Allocation: prisma.allocation.findMany(select),
    MatchingRun: prisma.matchingRun.findMany(select),
    User: prisma.user.findMany(select),
  };
  const entries = await Promise.all(Object.entries(tables).map(async ([type, rows]) => [type, (await rows).map((row) => row.id)] as const));
  return Object.fromEntries(entries);
}

describe('fuzzed GraphQL arguments', { timeout: 120_000 }, () => {
  for (const { operationType, field, document } of rootFieldsWithArguments(schema)) {
    it(`${operationType} ${field.name}`, async () => {
      const { wellTyped, illTyped } = argumentArbitraries(field, await idPool());
      const clients: Record<string, ApiClient> = used.clients;
      const fingerprint = () => databaseFingerprint(used.database.prisma);
      const run = async (viewer: string, variables: Record<string, unknown>) => {
        const before = operationType === 'mutation' ? await fingerprint() : null;
        const response = await clients[viewer]!.execute(document, variables);
        expectNoInternalError(response);
        if (before !== null && response.errors) expect(await fingerprint(), `a failed ${field.name} wrote: ${response.text}`).toBe(before);
      };
      const viewer = fc.constantFrom('workforceLead', 'workforceLead', 'workforceLead', 'organisationLead');
      const runs = (count: number) => fuzzParameters(Math.min(count, FEWER_RUNS[field.name] ?? count));
      await fc.assert(fc.asyncProperty(viewer, wellTyped, run), runs(RUNS.wellTyped));
      await fc.assert(fc.asyncProperty(viewer, illTyped, run), runs(RUNS.illTyped));
    });
  }
});

// What the fuzzing found, pinned down: text PostgreSQL cannot hold, and years it cannot store.
describe('inputs the database cannot take are refused up front', () => {
  const CREATE_PROJECT = /* GraphQL */ `
    mutation ($input: ProjectInput!) { createProject(input: $input) { id } }
  `;

  it('a NUL character in a variable or a literal is VALIDATION_FAILED naming where, and writes nothing', async () => {
    const lead = used.clients.organisationLead;
    const before = await databaseFingerprint(used.database.prisma);
    const inVariable = await lead.execute(CREATE_PROJECT, { input: { title: 'Audit', purpose: 'a\u0000b' } });
    expect(inVariable.errors).toMatchObject([{ extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'purpose'] }] } }]);
    const inLiteral = await lead.execute(`mutation { createProject(input: { title: "Audit\\u0000", purpose: "p" }) { id } }`);
    expect(inLiteral.errors).toMatchObject([{ extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['input'] }] } }]);
    expect(await databaseFingerprint(used.database.prisma)).toBe(before);
  });

  it('a date outside the years 1900–2999 is refused by the Date scalar', async () => {
    const result = await used.clients.workforceLead.execute(`query ($from: Date) { developmentPlacements(fromWeek: $from) { __typename } }`, { from: '0000-01-01' });
    expectNoInternalError(result);
    expect(result.errors?.[0]?.message).toContain('in the years 1900–2999');
  });
});
