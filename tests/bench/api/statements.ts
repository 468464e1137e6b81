import { createApp } from '../../../api/src/app.ts';
import { createPrismaClient } from '../../../api/src/db/client.ts';
import { execute, type GraphqlRequest } from './graphql-http.ts';
import type { Teardown } from './teardown.ts';

export interface StatementCounts {
  /** With the database changed just before: what computing the answer costs. */
  computed: number;
  /** The same request again with nothing changed in between: an answer kept by the API may be served. */
  repeated: number;
}

export type StatementCounter = (request: GraphqlRequest, cookie: string) => Promise<StatementCounts>;

/**
 * Counts the SQL statements one execution of an operation sends, session lookup included, on an in-process
 * copy of the app whose Prisma client reports every statement (the server under load reports none).
 * `changeDatabase` moves PostgreSQL's snapshot on, as any write does.
 */
export function createStatementCounter(databaseUrl: string, teardown: Teardown, changeDatabase: () => Promise<void>): StatementCounter {
  let statements = 0;
  const prisma = createPrismaClient(databaseUrl, { onQuery: () => (statements += 1) });
  teardown.add('disconnect the statement-counting client', () => prisma.$disconnect());
  const { yoga } = createApp({ prisma });

  const executeOnce = (request: GraphqlRequest, cookie: string) =>
    execute('http://127.0.0.1/graphql', request, cookie, async (url, init) => yoga.fetch(url, init));
  const counted = async (request: GraphqlRequest, cookie: string) => {
    statements = 0;
    await executeOnce(request, cookie);
    await new Promise((resolve) => setImmediate(resolve)); // query events are emitted after the result
    return statements;
  };

  return async (request, cookie) => {
    await executeOnce(request, cookie); // warm: the first execution may prepare what later ones reuse
    await changeDatabase();
    const computed = await counted(request, cookie);
    const repeated = await counted(request, cookie);
    return { computed, repeated };
  };
}
