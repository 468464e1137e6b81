import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { CombinedError, getOperationName, type Client, type GraphQLRequest } from 'urql';
import { GraphQLError } from 'graphql';
import { afterEach, vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';
import { ClientProvider } from '../../../web/src/session/ClientProvider.tsx';

afterEach(cleanup);

/** What the mocked API answers to one operation: data, an error, or nothing yet ("pending"). */
export type Answer = { data?: unknown; error?: CombinedError } | 'pending';

/** The API's refusal with a domain error code and its extensions. */
export function serverError(code: string, message: string, extensions: Record<string, unknown> = {}): Answer {
  return { error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })] }) };
}

/** A urql client whose answers are fixed per operation name; the API itself is not involved. */
export function mockClient(answers: Record<string, Answer>) {
  const answer = (request: GraphQLRequest) => {
    const name = getOperationName(request.query) ?? 'anonymous';
    const reply = answers[name];
    if (reply === undefined) throw new Error(`No mocked answer for operation ${name}`);
    if (reply === 'pending') return never;
    // Like a real client, the stream stays open after the answer: urql clears an error when a query stream ends.
    return concat([fromValue({ ...reply, stale: false, hasNext: false }), never]);
  };
  return {
    executeQuery: vi.fn(answer),
    executeMutation: vi.fn(answer),
    executeSubscription: vi.fn(() => never),
    suspense: false,
  };
}

export type MockClient = ReturnType<typeof mockClient>;

interface RenderPageOptions {
  client: MockClient;
  /** The URL the page is opened at, e.g. "/analysts?q=data". */
  url: string;
  /** The route pattern the page is mounted on, e.g. "/analysts/:id". */
  route?: string;
}

export function renderPage(page: ReactElement, { client, url, route = '*' }: RenderPageOptions) {
  // NHS.UK frontend scripts refuse to start unless the page declares support.
  document.body.classList.add('nhsuk-frontend-supported');
  return render(
    <ClientProvider createClient={() => client as unknown as Client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={route} element={page} />
        </Routes>
      </MemoryRouter>
    </ClientProvider>,
  );
}

/** The variables of the last request the page made for the named operation. */
export function lastVariables(client: MockClient, operationName: string): unknown {
  const calls = client.executeQuery.mock.calls.filter(([request]) => getOperationName(request.query) === operationName);
  return calls.at(-1)?.[0].variables;
}
