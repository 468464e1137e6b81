import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { advanceAllocationStatuses } from './allocations/advance.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Advances allocation statuses at start-up and then every `intervalMs` (default hourly), so allocations
 * become ACTIVE and COMPLETED as their weeks come and go. Returns a function that stops it.
 */
export function startAllocationScheduler(
  prisma: PrismaClient,
  { logger, now = () => new Date(), intervalMs = HOUR_MS }: { logger?: Logger; now?: () => Date; intervalMs?: number } = {},
): () => void {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = advanceAllocationStatuses(prisma, now())
      .then((result) => {
        if (result.activated + result.completed > 0) logger?.info(result, 'Allocation statuses advanced');
      })
      .catch((error: unknown) => logger?.error({ err: error }, 'Advancing allocation statuses failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
