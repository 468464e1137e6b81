import { describe, expect, it, vi } from 'vitest';
import { deleteExpiredProfileReads } from '../../api/src/services/privacy/profile-read-retention.ts';
import { startAllocationScheduler } from '../../api/src/services/scheduler.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

const setup = useScenarioApp(() => startScenarioApp());

/** The workforce lead opened Ben's profile at `readAt`. */
function recordRead(readAt: string) {
  const { ics, analysts, users } = setup.scenario;
  const at = new Date(readAt);
  return setup.database.prisma.profileRead.create({
    data: { icsId: ics.id, analystId: analysts.acuteAnalyst.id, readerId: users.workforceLead.id, view: 'PROFILE', hour: at, readAt: at },
  });
}

const remainingReads = async () =>
  (await setup.database.prisma.profileRead.findMany({ select: { readAt: true }, orderBy: { readAt: 'asc' } })).map(({ readAt }) => readAt.toISOString());

describe('retention of the profile read log (PROFILE_READ_RETENTION_MONTHS)', () => {
  it('the hourly job deletes reads older than the period and keeps newer ones; a second run changes nothing', async () => {
    // Today is 2026-11-23 09:00 UTC: 24 months ago is 2024-11-23 09:00.
    await recordRead('2023-02-01T10:00:00.000Z');
    await recordRead('2024-11-23T08:00:00.000Z');
    await recordRead('2024-11-23T10:00:00.000Z');
    await recordRead('2026-11-20T14:00:00.000Z');

    const stop = startAllocationScheduler(setup.database.prisma, { now: () => TEST_TODAY, profileReadRetentionMonths: 24 });
    try {
      await vi.waitFor(async () => expect(await remainingReads()).toHaveLength(2), { timeout: 10_000 });
    } finally {
      stop();
    }
    expect(await remainingReads()).toEqual(['2024-11-23T10:00:00.000Z', '2026-11-20T14:00:00.000Z']);

    const before = await databaseFingerprint(setup.database.prisma);
    expect(await deleteExpiredProfileReads(setup.database.prisma, { months: 24, now: TEST_TODAY })).toEqual({ deleted: 0 });
    expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
  });

  it('follows the configured period', async () => {
    expect(await deleteExpiredProfileReads(setup.database.prisma, { months: 1, now: TEST_TODAY })).toEqual({ deleted: 1 });
    expect(await remainingReads()).toEqual(['2026-11-20T14:00:00.000Z']);
  });
});
