import { createApp } from '../../../api/src/app.ts';
import { createPrismaClient } from '../../../api/src/db/client.ts';
import { execute, type GraphqlRequest } from './graphql-http.ts';
import type { Teardown } from './teardown.ts';

export type StatementCounter = (request: GraphqlRequest, cookie: string) => Promise<number>;

/**
 * Counts the SQL statements one execution of an operation sends, session lookup included, on an in-process
 * copy of the app whose Prisma client reports every statement (the server under load reports none).
 */
export function createStatementCounter(databaseUrl: string, teardown: Teardown): StatementCounter {
  let statements = 0;
  const prisma = createPrismaClient(databaseUrl, { onQuery: () => (statements += 1) });
  teardown.add('disconnect the statement-counting client', () => prisma.$disconnect());
  const { yoga } = createApp({ prisma });

  const executeOnce = (request: GraphqlRequest, cookie: string) =>
    execute('http://127.0.0.1/graphql', request, cookie, async (url, init) => yoga.fetch(url, init));

  return async (request, cookie) => {
    await executeOnce(request, cookie); // warm: the first execution may prepare what later ones reuse
    statements = 0;
    await executeOnce(request, cookie);
    await new Promise((resolve) => setImmediate(resolve)); // query events are emitted after the result
    return statements;
  };
}
