import { createApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/db/client.ts';
import { GRAPHQL_HEADERS, GraphqlFailure, type GraphqlBody, type GraphqlRequest } from './graphql-http.ts';
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

  const executeOnce = async (request: GraphqlRequest, cookie: string) => {
    const response = await yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { ...GRAPHQL_HEADERS, cookie },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as GraphqlBody;
    if (!response.ok || body.errors?.length) throw new GraphqlFailure(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 2_000)}`);
  };

  return async (request, cookie) => {
    await executeOnce(request, cookie); // warm: the first execution may prepare what later ones reuse
    statements = 0;
    await executeOnce(request, cookie);
    await new Promise((resolve) => setImmediate(resolve)); // query events are emitted after the result
    return statements;
  };
}
