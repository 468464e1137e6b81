import { describe, expect, it } from 'vitest';
import { CONFIRM_RUN, matchingWindow, RUN_MATCHING, signInAsWorkforceLead, useDemoApiDatabase } from './support/demo-matching.ts';
import { lockWhenRowAppears, waitForBackendToEnd, waitForBlockedApiBackend } from './support/postgres-activity.ts';

const { database, startApi } = useDemoApiDatabase();

/** Every allocation as stored, and the audit trail, to compare before and after. */
async function snapshot() {
  const [allocations, audit] = await Promise.all([
    database.prisma.allocation.findMany({ orderBy: { id: 'asc' } }),
    database.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { allocations, audit };
}

describe('the API killed with SIGKILL while confirming a whole run', () => {
  it('confirms none of the run, changes nothing, and confirms all of it when asked again', async () => {
    const api = await startApi();
    const lead = await signInAsWorkforceLead(api);
    const run = (await lead.execute(RUN_MATCHING, { input: matchingWindow() })).data!.runMatching;
    expect(run.status).toBe('SUCCEEDED');
    const proposals = run.proposals.totalCount as number;
    expect(proposals).toBeGreaterThan(1);
    const before = await snapshot();

    // Holding the run's row makes the confirmation wait at its last step (the run becoming CONFIRMED),
    // after it has confirmed every proposal and audited each one inside its transaction.
    const held = await lockWhenRowAppears(database.url, `SELECT id FROM "MatchingRun" WHERE id = $1 FOR NO KEY UPDATE`, [run.id]);
    const answer = lead.execute(CONFIRM_RUN, { runId: run.id }).catch((error: unknown) => error);
    let backend: number;
    try {
      backend = await waitForBlockedApiBackend(database.url, ['Allocation', 'AuditEvent']);
      api.signal('SIGKILL');
      expect(await api.exited).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await held.release();
    }
    await waitForBackendToEnd(database.url, backend);
    expect(await answer).toBeInstanceOf(Error);

    const restarted = await startApi();
    expect(await snapshot()).toEqual(before);
    expect(await database.prisma.matchingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'SUCCEEDED', confirmedAt: null });

    const confirmed = await (await signInAsWorkforceLead(restarted)).execute(CONFIRM_RUN, { runId: run.id });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmAllocations).toHaveLength(proposals);
    expect(await database.prisma.allocation.count({ where: { runId: run.id, confirmedAt: null } })).toBe(0);
    expect(await database.prisma.matchingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'CONFIRMED' });
    const audited = await database.prisma.auditEvent.groupBy({
      by: ['action'],
      where: { id: { notIn: before.audit.map((event) => event.id) }, action: { in: ['allocation.confirm', 'matchingRun.confirm'] } },
      _count: true,
    });
    expect(Object.fromEntries(audited.map((group) => [group.action, group._count]))).toEqual({ 'allocation.confirm': proposals, 'matchingRun.confirm': 1 });
  });
});
