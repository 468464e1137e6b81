import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { DatabaseUnavailableError } from '../errors.ts';
import { loggablePath } from '../services/careers/calendar-route.ts';
import { plainResponse } from './plain-response.ts';

/**
 * For routes answered outside GraphQL (CSV exports, calendar feeds): 503 with a plain message while the
 * database is down, and a bare 500 for anything else unexpected, logged here, so no error detail or
 * stack trace ever reaches the response body.
 */
export function withRouteErrorResponses(plugin: Plugin, logger?: Logger): Plugin {
  const { onRequest } = plugin;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    async onRequest(payload) {
      try {
        await onRequest(payload);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          logger?.warn({ err: error }, 'The database is unavailable');
          payload.endResponse(plainResponse(503, new DatabaseUnavailableError().message, { 'retry-after': '5' }));
          return;
        }
        logger?.error({ err: error, path: loggablePath(payload.url.pathname) }, 'Unexpected error in a route');
        payload.endResponse(plainResponse(500, 'Unexpected error.'));
      }
    },
  };
}
