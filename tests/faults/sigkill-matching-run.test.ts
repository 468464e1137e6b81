import { describe, expect, it, vi } from 'vitest';
import { matchingWindow, RUN_MATCHING, signInAsWorkforceLead, useDemoApiDatabase } from './support/demo-matching.ts';
import { lockWhenRowAppears, waitForBackendToEnd, waitForBlockedApiBackend } from './support/postgres-activity.ts';

const { database, startApi } = useDemoApiDatabase();
const runOf = (id: string) => database.prisma.matchingRun.findUniqueOrThrow({ where: { id } });
const proposalsOf = (runId: string) => database.prisma.allocation.count({ where: { runId } });

describe('the API killed with SIGKILL during a matching run', () => {
  let earlierRunId: string;

  it('marks a run killed while solving FAILED at the next start, keeps none of its proposals, and runs again', async () => {
    const api = await startApi();
    const lead = await signInAsWorkforceLead(api);
    const answer = lead.execute(RUN_MATCHING, { input: matchingWindow() }).catch((error: unknown) => error);

    // The run is committed RUNNING and its input recorded before the engine starts solving.
    const solving = await vi.waitFor(async () => {
      const run = await database.prisma.matchingRun.findFirst({ where: { status: 'RUNNING', inputDigest: { not: null } } });
      if (!run) throw new Error('No run is solving yet');
      return run;
    }, { timeout: 90_000, interval: 20 });
    api.signal('SIGKILL');
    expect(await api.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await answer).toBeInstanceOf(Error);
    expect((await runOf(solving.id)).status).toBe('RUNNING');

    const restarted = await startApi();
    expect(await restarted.logged(/Marked matching runs left running/)).toMatchObject({ interrupted: 1 });
    const failed = await runOf(solving.id);
    expect(failed).toMatchObject({ status: 'FAILED', metrics: null });
    expect(failed.error).toMatch(/stopped before this run finished; run matching again/);
    expect(await proposalsOf(solving.id)).toBe(0);

    const again = await (await signInAsWorkforceLead(restarted)).execute(RUN_MATCHING, { input: matchingWindow() });
    expect(again.errors).toBeUndefined();
    expect(again.data!.runMatching).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(again.data!.runMatching.proposals.totalCount).toBeGreaterThan(0);
    earlierRunId = again.data!.runMatching.id;
  });

  it('rolls back a run killed inside its proposals transaction: no proposals of its own, the earlier ones kept', async () => {
    const earlierProposals = await proposalsOf(earlierRunId);
    expect(earlierProposals).toBeGreaterThan(0);
    const api = await startApi();
    const lead = await signInAsWorkforceLead(api);
    const answer = lead.execute(RUN_MATCHING, { input: matchingWindow() }).catch((error: unknown) => error);

    // Holding the solving run's row makes its final transaction wait at the status update, after it has
    // deleted the earlier run's proposals and inserted its own.
    const held = await lockWhenRowAppears(
      database.url,
      `SELECT id FROM "MatchingRun" WHERE status = 'RUNNING' AND "inputDigest" IS NOT NULL FOR NO KEY UPDATE`,
      [],
    );
    let backend: number;
    try {
      backend = await waitForBlockedApiBackend(database.url, ['Allocation']);
      api.signal('SIGKILL');
      expect(await api.exited).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await held.release();
    }
    await waitForBackendToEnd(database.url, backend);
    expect(await answer).toBeInstanceOf(Error);

    const killed = await database.prisma.matchingRun.findFirstOrThrow({ where: { status: 'RUNNING' } });
    expect(await proposalsOf(killed.id)).toBe(0);
    expect(await proposalsOf(earlierRunId)).toBe(earlierProposals);

    const restarted = await startApi();
    expect(await runOf(killed.id)).toMatchObject({ status: 'FAILED', metrics: null });
    expect(await proposalsOf(killed.id)).toBe(0);
    const again = await (await signInAsWorkforceLead(restarted)).execute(RUN_MATCHING, { input: matchingWindow() });
    expect(again.data?.runMatching).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(await proposalsOf(again.data!.runMatching.id)).toBeGreaterThan(0);
  });
});
