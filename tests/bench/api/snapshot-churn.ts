import pg from 'pg';
import type { Teardown } from './teardown.ts';

// The API may keep read responses while PostgreSQL's snapshot (pg_current_snapshot()) is unchanged. To measure
// what an operation costs when it has to be computed, the snapshot is moved on the way any write moves it:
// a committed statement that takes a transaction id.

const ADVANCE = 'SELECT pg_current_xact_id()';

/** One connection that advances the snapshot on demand, or continually while load runs. */
export function createSnapshotChurn(databaseUrl: string, teardown: Teardown) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'analyst-pool-bench' });
  const connected = client.connect();
  teardown.add('disconnect the snapshot-advancing client', () => client.end());

  const advance = async () => {
    await connected;
    await client.query(ADVANCE);
  };

  /** Advances the snapshot every `intervalMs` until the returned stop is called. */
  const churn = (intervalMs: number) => {
    let running = true;
    const loop = (async () => {
      while (running) {
        await advance();
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
    return async () => {
      running = false;
      await loop;
    };
  };

  return { advance, churn };
}
