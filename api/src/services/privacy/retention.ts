import { randomBytes } from 'node:crypto';
import { UTCDate } from '@date-fns/utc';
import { subMonths } from 'date-fns';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { hashPassword } from '../../auth/password.ts';
import { recordAudit } from '../audit.ts';
import { scrubFreeText } from './scrub-text.ts';

// Retention (DESIGN §2, data minimisation): once a leaver has been gone the configured number of months,
// everything that identifies them or describes them personally is replaced or removed. What they did stays,
// under a pseudonym: allocations (FTE, weeks, organisations), skills and evidence, so fairness, utilisation
// and insight for past periods add up as before.

export interface RetentionRun {
  /** Ids of the analysts anonymised by this run. */
  anonymised: string[];
}

interface Leaver {
  id: string;
  icsId: string;
  name: string;
  email: string;
  leftAt: Date | null;
  user: { id: string; name: string; email: string } | null;
}

/** "Former analyst 3F2A9C1B": stable for the analyst, and no longer about the person. */
export function pseudonymOf(analystId: string): { name: string; email: string } {
  return {
    name: `Former analyst ${analystId.slice(0, 8).toUpperCase()}`,
    // .invalid is reserved (RFC 2606): never deliverable, and unique through the id.
    email: `former-analyst-${analystId}@anonymised.invalid`,
  };
}

/**
 * Anonymises every leaver (status LEFT) whose leaving date is at least `monthsAfterLeaving` months before
 * `now` and who is not anonymised yet, each in a transaction of its own. Running it again changes nothing.
 */
export async function anonymiseDueLeavers(
  prisma: PrismaClient,
  { monthsAfterLeaving, now }: { monthsAfterLeaving: number; now: Date },
): Promise<RetentionRun> {
  const leftOnOrBefore = subMonths(new UTCDate(now), monthsAfterLeaving);
  const due = await prisma.analyst.findMany({
    where: { status: 'LEFT', leftAt: { lte: leftOnOrBefore }, anonymisedAt: null },
    select: { id: true, icsId: true, name: true, email: true, leftAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { id: 'asc' },
  });
  const anonymised: string[] = [];
  for (const leaver of due) {
    // Hashed outside the transaction (it takes a moment): no one knows this password, so no one can sign in.
    const unusablePasswordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const done = await prisma.$transaction((tx) => anonymiseLeaver(tx, leaver, { now, monthsAfterLeaving, unusablePasswordHash }));
    if (done) anonymised.push(leaver.id);
  }
  return { anonymised };
}

async function anonymiseLeaver(
  tx: Prisma.TransactionClient,
  leaver: Leaver,
  { now, monthsAfterLeaving, unusablePasswordHash }: { now: Date; monthsAfterLeaving: number; unusablePasswordHash: string },
): Promise<boolean> {
  const { id: analystId, icsId } = leaver;
  const pseudonym = pseudonymOf(analystId);
  // The anonymisedAt filter makes a second, concurrent pass a no-op.
  const claimed = await tx.analyst.updateMany({
    where: { id: analystId, anonymisedAt: null },
    data: {
      name: pseudonym.name,
      email: pseudonym.email,
      jobTitle: 'Former analyst',
      workPreference: 'HYBRID',
      sectorsOfInterest: [],
      targetRoleProfileId: null,
      calendarSecretHash: null,
      anonymisedAt: now,
      version: { increment: 1 },
    },
  });
  if (claimed.count === 0) return false;

  await tx.aspiration.deleteMany({ where: { analystId } });
  await tx.availability.deleteMany({ where: { analystId } });
  await tx.interest.deleteMany({ where: { analystId } });
  const allocationIds = (await tx.allocation.findMany({ where: { analystId }, select: { id: true } })).map(({ id }) => id);
  await tx.allocation.updateMany({ where: { analystId, declineReason: { not: null } }, data: { declineReason: null } });
  await tx.feedback.updateMany({ where: { allocationId: { in: allocationIds } }, data: { comment: '' } });
  await forgetAuditDetails(tx, icsId, { analystId, userId: leaver.user?.id ?? null, allocationIds });

  if (leaver.user) {
    await tx.session.deleteMany({ where: { userId: leaver.user.id } });
    await tx.user.update({
      where: { id: leaver.user.id },
      data: { name: pseudonym.name, email: pseudonym.email, passwordHash: unusablePasswordHash, disabled: true, lastLoginAt: null },
    });
  }

  const names = new Set([leaver.name, leaver.user?.name].filter((text): text is string => Boolean(text?.trim())));
  const emails = new Set([leaver.email, leaver.user?.email].filter((text): text is string => Boolean(text?.trim())));
  // Emails first, so that a name inside an email address does not leave half an address behind.
  for (const email of emails) await scrubFreeText(tx, icsId, email, pseudonym.email);
  for (const name of names) await scrubFreeText(tx, icsId, name, pseudonym.name);

  await recordAudit(tx, {
    icsId,
    actorId: null,
    action: 'analyst.anonymise',
    entityType: 'Analyst',
    entityId: analystId,
    after: { leftAt: leaver.leftAt?.toISOString().slice(0, 10) ?? null, monthsAfterLeaving },
  });
  return true;
}

/**
 * The audit log keeps who did what and when, but not the leaver's personal details: the before and after of
 * their profile and user changes go, and so do decline reasons and feedback comments on their allocations.
 */
async function forgetAuditDetails(
  tx: Prisma.TransactionClient,
  icsId: string,
  { analystId, userId, allocationIds }: { analystId: string; userId: string | null; allocationIds: string[] },
): Promise<void> {
  await tx.auditEvent.updateMany({
    where: { icsId, OR: [{ entityType: 'Analyst', entityId: analystId }, ...(userId ? [{ entityType: 'User', entityId: userId }] : [])] },
    data: { before: Prisma.DbNull, after: Prisma.DbNull },
  });
  if (allocationIds.length === 0) return;
  const withoutFreeText = (column: Prisma.Sql) =>
    Prisma.sql`CASE WHEN jsonb_typeof(${column}) = 'object' THEN ${column} - 'declineReason' - 'comment' ELSE ${column} END`;
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET "before" = ${withoutFreeText(Prisma.raw('"before"'))}, "after" = ${withoutFreeText(Prisma.raw('"after"'))}
    WHERE "icsId" = ${icsId}::uuid AND "entityType" = 'Allocation' AND "entityId" = ANY(${allocationIds}::text[])`;
}
