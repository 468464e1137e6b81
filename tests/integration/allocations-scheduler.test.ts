import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAllocationScheduler } from '../../api/src/services/scheduler.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createAllocationScenario, REVIEW_END, REVIEW_START, week, type AllocationScenario } from '../fixtures/allocation-scenario.ts';

let database: TestDatabase;
let scenario: AllocationScenario;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  scenario = await createAllocationScenario(database.prisma);
});

afterAll(async () => {
  await database?.drop();
});

describe('the allocation scheduler', () => {
  it('advances statuses at start-up and again on each tick, until stopped', async () => {
    const accepted = await database.prisma.allocation.create({
      data: {
        icsId: scenario.ics.id,
        analystId: scenario.analysts.chloe.id,
        requestId: scenario.requests.mortalityReview.id,
        fte: 0.2,
        startWeek: week(REVIEW_START),
        endWeek: week(REVIEW_END),
        status: 'ACCEPTED',
        confirmedAt: new Date('2026-11-20T10:00:00Z'),
      },
    });
    let today = new Date('2026-12-02T06:00:00Z');
    const stop = startAllocationScheduler(database.prisma, { now: () => today, intervalMs: 50 });
    try {
      const statusOf = async () => (await database.prisma.allocation.findUniqueOrThrow({ where: { id: accepted.id } })).status;
      await vi.waitFor(async () => expect(await statusOf()).toBe('ACTIVE'), { timeout: 5_000 });
      today = new Date('2027-03-02T06:00:00Z');
      await vi.waitFor(async () => expect(await statusOf()).toBe('COMPLETED'), { timeout: 5_000 });
      const events = await database.prisma.auditEvent.findMany({ where: { entityId: accepted.id }, orderBy: { createdAt: 'asc' } });
      expect(events.map((event) => [event.action, event.actorId])).toEqual([
        ['allocation.activate', null],
        ['allocation.complete', null],
      ]);
    } finally {
      stop();
    }
  });
});
