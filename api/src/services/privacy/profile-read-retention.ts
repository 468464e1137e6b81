import { UTCDate } from '@date-fns/utc';
import { subMonths } from 'date-fns';
import type { PrismaClient } from '../../generated/prisma/client.ts';

/**
 * Deletes the records of profile reads older than `months` months before `now` (PROFILE_READ_RETENTION_MONTHS),
 * in one statement; running it again at the same time deletes nothing more.
 */
export async function deleteExpiredProfileReads(prisma: PrismaClient, { months, now }: { months: number; now: Date }): Promise<{ deleted: number }> {
  const { count } = await prisma.profileRead.deleteMany({ where: { readAt: { lt: subMonths(new UTCDate(now), months) } } });
  return { deleted: count };
}
