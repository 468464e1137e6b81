import { createHash, randomBytes } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { holdsCapacity } from '../../domain/capacity.ts';
import { addWeeksTo, mondayOf, mondaysOf } from '../../domain/weeks.ts';
import { recordAudit } from '../audit.ts';
import { analystIdOf } from './signed-in-analyst.ts';

// An analyst's allocations as an iCalendar feed at a secret URL (calendar apps cannot sign in). Only the
// secret's SHA-256 is stored; rotating replaces it, so the old URL stops working at once.

export const CALENDAR_PATH_PREFIX = '/calendar/';
const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** Finished work stays in the feed for a year. */
const HISTORY_WEEKS = 52;

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function calendarPathOf(secret: string): string {
  return `${CALENDAR_PATH_PREFIX}${secret}.ics`;
}

/** Issues a new secret for the signed-in analyst's feed; returns the feed's path, shown only this once. */
export async function rotateCalendarSecret(prisma: PrismaClient, viewer: Viewer): Promise<{ path: string }> {
  const analystId = analystIdOf(viewer);
  const secret = randomBytes(32).toString('base64url');
  await prisma.$transaction(async (tx) => {
    const before = await tx.analyst.findUniqueOrThrow({ where: { id: analystId }, select: { calendarSecretHash: true } });
    await tx.analyst.update({ where: { id: analystId }, data: { calendarSecretHash: hashSecret(secret) } });
    await recordAudit(tx, {
      icsId: viewer.icsId,
      actorId: viewer.userId,
      action: before.calendarSecretHash ? 'calendar.rotate' : 'calendar.create',
      entityType: 'Analyst',
      entityId: analystId,
    });
  });
  return { path: calendarPathOf(secret) };
}

/** Turns the feed off: no URL works until the analyst asks for a new one. */
export async function disableCalendarFeed(prisma: PrismaClient, viewer: Viewer): Promise<void> {
  const analystId = analystIdOf(viewer);
  await prisma.$transaction(async (tx) => {
    await tx.analyst.update({ where: { id: analystId }, data: { calendarSecretHash: null } });
    await recordAudit(tx, { icsId: viewer.icsId, actorId: viewer.userId, action: 'calendar.disable', entityType: 'Analyst', entityId: analystId });
  });
}

export async function hasCalendarFeed(prisma: PrismaClient, viewer: Viewer): Promise<boolean> {
  const analyst = await prisma.analyst.findUniqueOrThrow({ where: { id: analystIdOf(viewer) }, select: { calendarSecretHash: true } });
  return analyst.calendarSecretHash !== null;
}

function dateArray(date: Date): [number, number, number] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** The feed for a secret, or null when no analyst has it (unknown, rotated away or disabled). */
export async function calendarFeed(prisma: PrismaClient, secret: string, today: Date): Promise<string | null> {
  if (!SECRET.test(secret)) return null;
  const analyst = await prisma.analyst.findUnique({ where: { calendarSecretHash: hashSecret(secret) }, select: { id: true, name: true } });
  if (!analyst) return null;
  const allocations = await prisma.allocation.findMany({
    where: {
      analystId: analyst.id,
      endWeek: { gte: addWeeksTo(mondayOf(today), -HISTORY_WEEKS) },
      OR: [holdsCapacity, { status: 'COMPLETED' }],
    },
    orderBy: [{ startWeek: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      fte: true,
      kind: true,
      status: true,
      startWeek: true,
      endWeek: true,
      request: { select: { title: true, project: { select: { title: true, organisation: { select: { name: true } } } } } },
    },
  });
  const events = allocations.flatMap((allocation) => {
    const { project } = allocation.request;
    const fte = `${allocation.fte.toNumber().toFixed(1)} FTE`;
    const kind = allocation.kind === 'STANDARD' ? '' : ` (${allocation.kind === 'DEVELOPMENT' ? 'development placement' : 'mentoring'})`;
    return mondaysOf(allocation).map(
      (monday): EventAttributes => ({
        uid: `${allocation.id}-${monday.toISOString().slice(0, 10)}@analyst-pool`,
        start: dateArray(monday),
        // All-day Monday to Friday: the end date is exclusive.
        end: dateArray(new Date(monday.getTime() + 5 * 24 * 60 * 60 * 1000)),
        title: `${project.title}: ${allocation.request.title} (${fte})`,
        description: `${project.organisation.name}\n${allocation.request.title}, ${fte} a week${kind}.\nStatus: ${allocation.status.toLowerCase()}.`,
        categories: [project.organisation.name],
        status: allocation.status === 'PROPOSED' ? 'TENTATIVE' : 'CONFIRMED',
        busyStatus: 'FREE',
      }),
    );
  });
  const { error, value } = createEvents(events, { productId: 'analyst-pool/calendar', calName: `Analyst Pool: ${analyst.name}` });
  if (error || value === null) throw error ?? new Error('The calendar could not be written.');
  return value;
}
