import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { advanceAllocationStatuses } from './allocations/advance.ts';
import { anonymiseDueLeavers } from './privacy/retention.ts';

const HOUR_MS = 60 * 60 * 1000;

interface Job {
  failure: string;
  run: (today: Date) => Promise<void>;
}

/**
 * Runs the service's periodic jobs at start-up and then every `intervalMs` (default hourly): advances
 * allocation statuses, so allocations become ACTIVE and COMPLETED as their weeks come and go, and, given a
 * retention period, anonymises the leavers past it. Returns a function that stops it.
 */
export function startAllocationScheduler(
  prisma: PrismaClient,
  {
    logger,
    now = () => new Date(),
    intervalMs = HOUR_MS,
    retentionMonthsAfterLeaving,
  }: { logger?: Logger; now?: () => Date; intervalMs?: number; retentionMonthsAfterLeaving?: number } = {},
): () => void {
  const jobs: Job[] = [
    {
      failure: 'Advancing allocation statuses failed',
      run: async (today) => {
        const result = await advanceAllocationStatuses(prisma, today);
        if (result.activated + result.completed > 0) logger?.info(result, 'Allocation statuses advanced');
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
