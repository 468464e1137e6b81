import type { Plugin } from 'graphql-yoga';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { plainResponse } from '../../http/plain-response.ts';
import { CALENDAR_PATH_PREFIX, calendarFeed } from './calendar-feed.ts';

/** Whether a request path belongs to the calendar feed rather than the API or the web client. */
export function isCalendarPath(pathname: string): boolean {
  return pathname.startsWith(CALENDAR_PATH_PREFIX);
}

/** The path as logs may show it: a calendar feed's path is its credential, so it is left out. */
export function loggablePath(pathname: string): string {
  return isCalendarPath(pathname) ? '/calendar/(secret)' : pathname;
}

/**
 * GET /calendar/<secret>.ics: the analyst's feed, or 404 for any secret no analyst holds now. Calendar
 * apps fetch it without a session, so it answers before the CSRF header check that guards operations.
 */
export function useCalendarFeed(prisma: PrismaClient, now: () => Date): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!isCalendarPath(url.pathname)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const name = url.pathname.slice(CALENDAR_PATH_PREFIX.length);
      const feed = name.endsWith('.ics') ? await calendarFeed(prisma, name.slice(0, -'.ics'.length), now()) : null;
      if (feed === null) {
        endResponse(plainResponse(404, 'Not found'));
        return;
      }
      endResponse(
        new Response(request.method === 'HEAD' ? null : feed, {
          headers: {
            'content-type': 'text/calendar; charset=utf-8',
            // The URL is the credential: keep it out of shared caches and referrers.
            'cache-control': 'private, no-store',
            'referrer-policy': 'no-referrer',
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
