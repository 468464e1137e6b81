import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { ProfileView } from '../../generated/prisma/enums.ts';
import type { Viewer } from '../../auth/session.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Records that the viewer opened another person's analyst profile, in one INSERT … ON CONFLICT DO NOTHING:
 * repeats by the same reader of the same view within the same UTC hour add nothing. Awaited by the read
 * itself, so a read that cannot be recorded fails rather than going unaudited. Reading your own profile is
 * not recorded.
 */
export async function recordProfileRead(
  prisma: PrismaClient,
  viewer: Viewer,
  read: { analystId: string; view: ProfileView },
  now: Date,
): Promise<void> {
  if (viewer.analystId === read.analystId) return;
  await prisma.profileRead.createMany({
    data: {
      icsId: viewer.icsId,
      analystId: read.analystId,
      readerId: viewer.userId,
      view: read.view,
      hour: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS),
      readAt: now,
    },
    skipDuplicates: true,
  });
}

export interface ProfileReadFilter {
  analystId?: string | null;
  readerId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Profile reads in the viewer's ICS matching the filter; `to` is exclusive. */
export function profileReadsWhere(viewer: Viewer, filter: ProfileReadFilter | null | undefined): Prisma.ProfileReadWhereInput {
  const { analystId, readerId, from, to } = filter ?? {};
  return {
    icsId: viewer.icsId,
    ...(analystId ? { analystId } : {}),
    ...(readerId ? { readerId } : {}),
    ...(from || to ? { readAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

export const newestReadsFirst: Prisma.ProfileReadOrderByWithRelationInput[] = [{ readAt: 'desc' }, { id: 'desc' }];
