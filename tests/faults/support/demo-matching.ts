import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-logins.ts';
import { LOGIN } from '../../fixtures/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { killRunningApis, startApiProcess, type ApiProcess } from './api-process.ts';

// The API seeds the demo ICS on its first start against an empty database, dated by the real clock, so
// its open requests fall in the next 26 weeks whenever the tests run.

/**
 * A migrated, empty database for this test file, which the API seeds with the demo ICS at its first start,
 * and `startApi` to start APIs on it; they are killed after each test and the database dropped after all.
 */
export function useDemoApiDatabase() {
  let created: TestDatabase | undefined;
  beforeAll(async () => {
    created = await createTestDatabase('empty');
  });
  afterEach(killRunningApis);
  afterAll(async () => {
    await created?.drop();
  });
  const database = {
    get prisma() {
      return created!.prisma;
    },
    get url() {
      return created!.url;
    },
  };
  return { database, startApi: () => startApiProcess({ DATABASE_URL: database.url }) };
}

export const RUN_MATCHING = /* GraphQL */ `
  mutation Run($input: RunMatchingInput!) {
    runMatching(input: $input) { id status error proposals(first: 1) { totalCount } }
  }
`;

export const CONFIRM_RUN = /* GraphQL */ `
  mutation ConfirmRun($runId: ID!) { confirmAllocations(input: { runId: $runId }) { id } }
`;

/** The next 26 weeks, as the matching page proposes by default. */
export function matchingWindow(today = new Date()) {
  const day = (offsetDays: number) => new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { windowStart: day(0), windowEnd: day(25 * 7) };
}

/** A client of the API signed in as the demo workforce lead. */
export async function signInAsWorkforceLead(api: ApiProcess) {
  const client = api.client();
  const result = await client.execute(LOGIN, { email: 'workforce.lead@northdales.example', password: DEMO_PASSWORD });
  if (result.errors) throw new Error(`Sign-in failed: ${result.text}`);
  return client;
}
