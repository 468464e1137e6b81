import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { DatabaseUnavailableError } from '../errors.ts';
import { isCalendarPath } from '../services/careers/calendar-route.ts';

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
          payload.endResponse(plain(503, new DatabaseUnavailableError().message, { 'retry-after': '5' }));
          return;
        }
        // A calendar feed's path is its credential; keep it out of the logs.
        const path = isCalendarPath(payload.url.pathname) ? '/calendar/(secret)' : payload.url.pathname;
        logger?.error({ err: error, path }, 'Unexpected error in a route');
        payload.endResponse(plain(500, 'Unexpected error.'));
      }
    },
  };
}

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}
