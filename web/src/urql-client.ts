import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

export interface UrqlClientOptions {
  /** Called when the API says the session is missing or expired. */
  onUnauthenticated: () => void;
}

function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions['code'] === 'UNAUTHENTICATED');
}

export function createUrqlClient({ onUnauthenticated }: UrqlClientOptions): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
    fetchOptions: {
      credentials: 'include',
      // Yoga's CSRF prevention refuses requests without this header.
      headers: { 'x-graphql-yoga-csrf': '1' },
    },
  });
}
