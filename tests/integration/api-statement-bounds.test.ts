import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { isoDateOf } from '../../web/src/weeks.ts';
import { seedLargeIcs } from '../bench/api/large-ics/seed.ts';
import type { WrittenIcs } from '../bench/api/large-ics/write.ts';
import { webPageOperations, type Role } from '../bench/api/web-pages.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// The web client's page operations cost the same number of SQL statements whatever the size of the ICS:
// a generated ICS ten times larger (analysts, requests, allocations, organisations) sends exactly as many.

const SMALL = { analysts: 20, requests: 15, weeks: 78, organisations: 5 };
const LARGER = { analysts: 200, requests: 150, weeks: 78, organisations: 15 };

let statements = 0;
let database: TestDatabase;
let small: WrittenIcs;
let larger: WrittenIcs;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createTestDatabase('empty', { onQuery: () => (statements += 1) });
  const options = { today: TEST_TODAY, password: SCENARIO_PASSWORD };
  small = await seedLargeIcs(database.prisma, { ...options, size: SMALL, code: 'SMALL' });
  larger = await seedLargeIcs(database.prisma, { ...options, size: LARGER, code: 'LARGER' });
  app = createApp({ prisma: database.prisma, now: () => TEST_TODAY });
});

afterAll(async () => {
  await database?.drop();
});

async function signedIn(ics: WrittenIcs, role: Role): Promise<ApiClient> {
  return new ApiClient(app.yoga).signInAs({ email: role === 'WORKFORCE_LEAD' ? ics.workforceLeadEmail : ics.organisationLeadEmail });
}

/**
 * Statements of the second execution (the first may prepare what later ones reuse), just after a write: the
 * API keeps some answers while PostgreSQL's snapshot is unchanged, and this counts computing the answer.
 */
async function cost(client: ApiClient, query: string, variables: Record<string, unknown>) {
  await client.execute(query, variables);
  await database.prisma.$queryRaw`SELECT pg_current_xact_id()::text`;
  statements = 0;
  const result = await client.execute(query, variables);
  await new Promise((resolve) => setImmediate(resolve));
  expect(result.errors, result.text).toBeUndefined();
  return { statements, text: result.text };
}

describe('SQL statements per web page operation', () => {
  const cases = webPageOperations(isoDateOf(TEST_TODAY)).flatMap((operation) => operation.roles.map((role) => ({ operation, role })));

  it.each(cases.map(({ operation, role }) => [operation.name, role, operation] as const))(
    `%s as %s: as many for ${LARGER.analysts} analysts as for ${SMALL.analysts}`,
    async (_, role, operation) => {
    const { query, variables } = operation.request;
    const few = await cost(await signedIn(small, role), query, variables);
    const many = await cost(await signedIn(larger, role), query, variables);
    expect(many.text.length, 'the larger ICS answers with more data').toBeGreaterThan(few.text.length);
    expect(many.statements).toBe(few.statements);
    },
  );
});
