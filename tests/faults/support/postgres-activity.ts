import pg from 'pg';
import { vi } from 'vitest';
import { APPLICATION_NAME } from '../../../api/src/db/client.ts';
import { sql } from '../../support/sql.ts';

const POLL = { timeout: 90_000, interval: 20 };

export interface HeldLock {
  /** Ends the transaction that holds the lock, without changing anything. */
  release(): Promise<void>;
}

/**
 * Opens a transaction that waits until `select` (a `SELECT … FOR UPDATE`-style statement) returns a row,
 * and so holds that row's lock until `release`.
 */
export async function lockWhenRowAppears(url: string, select: string, params: unknown[]): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url, application_name: 'fault-test' });
  let lost = false;
  client.on('error', () => (lost = true)); // the server went away, and the lock with it
  await client.connect();
  try {
    await client.query('BEGIN');
    await vi.waitFor(async () => {
      const { rowCount } = await client.query(select, params);
      if (!rowCount) throw new Error(`No row yet for: ${select}`);
    }, POLL);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async release() {
      // Ending the session rolls its transaction back.
      if (!lost) await client.end();
    },
  };
}

/**
 * The API's connection that waits for a row lock, its transaction having already written to every one of
 * `tables` (so it is open in the middle of its work); polls until there is one.
 */
export async function waitForBlockedApiBackend(url: string, tables: string[] = []): Promise<number> {
  return vi.waitFor(async () => {
    const [row] = await sql<{ pid: number }>(
      url,
      `SELECT activity.pid FROM pg_stat_activity activity
        WHERE activity.datname = current_database() AND activity.application_name = $1
          AND activity.wait_event_type = 'Lock' AND ($3 = 0 OR activity.backend_xid IS NOT NULL)
          AND (SELECT count(DISTINCT relation.relname) FROM pg_locks held JOIN pg_class relation ON relation.oid = held.relation
                WHERE held.pid = activity.pid AND held.granted AND held.mode = 'RowExclusiveLock' AND relation.relname = ANY($2)) = $3`,
      [APPLICATION_NAME, tables, tables.length],
    );
    if (!row) throw new Error(`No API connection is waiting for a lock after writing to ${tables.join(', ') || 'nothing'}`);
    return row.pid;
  }, POLL);
}

/** Waits until PostgreSQL has ended the backend `pid` (a killed client's backend ends once it is unblocked). */
export async function waitForBackendToEnd(url: string, pid: number): Promise<void> {
  await vi.waitFor(async () => {
    const rows = await sql(url, 'SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (rows.length > 0) throw new Error(`Backend ${pid} is still there`);
  }, POLL);
}
