import { viewerOf } from '../context.ts';
import { disableCalendarFeed, hasCalendarFeed, rotateCalendarSecret } from '../services/careers/calendar-feed.ts';
import { builder } from './builder.ts';

const CalendarFeedLink = builder.objectRef<{ path: string }>('CalendarFeedLink').implement({
  description: 'Your calendar feed. The path holds its secret and is shown only when issued; keep it private.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'e.g. /calendar/<secret>.ics, relative to this service.' }),
  }),
});

builder.queryField('hasCalendarFeed', (t) =>
  t.boolean({
    description: 'Whether the signed-in analyst has a calendar feed URL in use. FORBIDDEN to non-analysts.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => hasCalendarFeed(context.prisma, viewerOf(context)),
  }),
);

builder.mutationFields((t) => ({
  rotateCalendarFeed: t.field({
    type: CalendarFeedLink,
    description: 'Issues a new secret URL for your allocations as an iCalendar feed; any earlier URL stops working.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => rotateCalendarSecret(context.prisma, viewerOf(context)),
  }),
  disableCalendarFeed: t.boolean({
    description: 'Turns your calendar feed off; its URL stops working.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, context) => {
      await disableCalendarFeed(context.prisma, viewerOf(context));
      return true;
    },
  }),
}));
