import { persistedExchange } from '@urql/exchange-persisted';
import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

export interface UrqlClientOptions {
  /** Called when the API says the session is missing or expired. */
  onUnauthenticated: () => void;
  /**
   * Send each operation as the hash of its text only, which the API looks up in the manifest that
   * `npm run build` writes. The built client does; Vite's dev server, whose operations change as you
   * edit, sends the text.
   */
  persistedOperations?: boolean;
  /** The fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions['code'] === 'UNAUTHENTICATED');
}

export function createUrqlClient({ onUnauthenticated, persistedOperations = !import.meta.env.DEV, fetch }: UrqlClientOptions): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      ...(persistedOperations
        ? [persistedExchange({ enforcePersistedQueries: true, enableForMutation: true, preferGetForPersistedQueries: false })]
        : []),
      fetchExchange,
    ],
    fetch,
    fetchOptions: {
      credentials: 'include',
      // Yoga's CSRF prevention refuses requests without this header.
      headers: { 'x-graphql-yoga-csrf': '1' },
    },
  });
}
