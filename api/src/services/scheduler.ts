import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { advanceAllocationStatuses } from './allocations/advance.ts';
import { completeDueLeavings } from './analysts/complete-leavings.ts';
import { deleteExpiredProfileReads } from './privacy/profile-read-retention.ts';
import { anonymiseDueLeavers } from './privacy/retention.ts';

const HOUR_MS = 60 * 60 * 1000;

interface Job {
  failure: string;
  run: (today: Date) => Promise<void>;
}

/**
 * Runs the service's periodic jobs at start-up and then every `intervalMs` (default hourly): advances
 * allocation statuses, so allocations become ACTIVE and COMPLETED as their weeks come and go, makes analysts
 * whose leaving day has come LEFT, and, given retention periods, anonymises the leavers past theirs and
 * deletes older records of profile reads. Returns a function that stops it.
 */
export function startAllocationScheduler(
  prisma: PrismaClient,
  {
    logger,
    now = () => new Date(),
    intervalMs = HOUR_MS,
    retentionMonthsAfterLeaving,
    profileReadRetentionMonths,
  }: { logger?: Logger; now?: () => Date; intervalMs?: number; retentionMonthsAfterLeaving?: number; profileReadRetentionMonths?: number } = {},
): () => void {
  const jobs: Job[] = [
    {
      failure: 'Advancing allocation statuses failed',
      run: async (today) => {
        const result = await advanceAllocationStatuses(prisma, today);
        if (result.activated + result.completed > 0) logger?.info(result, 'Allocation statuses advanced');
      },
    },
    {
      failure: 'Completing leavings failed',
      run: async (today) => {
        const { left } = await completeDueLeavings(prisma, today);
        if (left.length > 0) logger?.info({ left: left.length }, 'Analysts whose leaving day has come are signed out for good');
      },
    },
  ];
  if (retentionMonthsAfterLeaving) {
    jobs.push({
      failure: 'Anonymising leavers failed',
      run: async (today) => {
        const { anonymised } = await anonymiseDueLeavers(prisma, { monthsAfterLeaving: retentionMonthsAfterLeaving, now: today });
        if (anonymised.length > 0) logger?.info({ anonymised: anonymised.length }, "Leavers' personal data anonymised");
      },
    });
  }
  if (profileReadRetentionMonths) {
    jobs.push({
      failure: 'Deleting old profile reads failed',
      run: async (today) => {
        const { deleted } = await deleteExpiredProfileReads(prisma, { months: profileReadRetentionMonths, now: today });
        if (deleted > 0) logger?.info({ deleted }, 'Records of profile reads past their retention period deleted');
      },
    });
  }
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      for (const job of jobs) await job.run(now()).catch((error: unknown) => logger?.error({ err: error }, job.failure));
    })().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
