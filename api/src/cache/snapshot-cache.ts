import { AsyncLocalStorage } from 'node:async_hooks';
import { LRUCache } from 'lru-cache';
import type { PrismaClient } from '../generated/prisma/client.ts';

// Values derived from the database (reports, read-only responses) kept in memory with the database snapshot
// they were computed under: PostgreSQL's `pg_current_snapshot()`, which changes as soon as any transaction
// that writes starts or commits, in this process or any other (the API, the hourly status changes, a
// matching run, an import, psql). A value is served only while the snapshot is unchanged, so nothing served
// is older than the last committed write. A request reads the snapshot with its session (auth/session.ts);
// otherwise checking costs one statement.
//
// Read the snapshot before computing: a write that commits meanwhile leaves the value stored under a
// snapshot that is already stale, so it is computed again next time.

export interface SnapshotCacheLimits {
  /** Most values kept. */
  max: number;
  /** Upper bound of the memory they take, measured as the length of their JSON. */
  maxCharacters: number;
}

interface Kept {
  snapshot: string;
  value: unknown;
}

export class SnapshotCache {
  private readonly kept: LRUCache<string, Kept>;
  /** Values being computed, so concurrent requests for the same one share a single computation. */
  private readonly computing = new Map<string, Promise<unknown>>();

  constructor(limits: SnapshotCacheLimits) {
    this.kept = new LRUCache<string, Kept>({
      max: limits.max,
      maxSize: limits.maxCharacters,
      sizeCalculation: (kept) => Math.max(1, JSON.stringify(kept.value)?.length ?? 1),
    });
  }

  /** The value kept under `key` for exactly this snapshot, if any. */
  peek<T>(key: string, snapshot: string): T | undefined {
    const kept = this.kept.get(key);
    return kept?.snapshot === snapshot ? (kept.value as T) : undefined;
  }

  /** Keeps `value`; `characters`, when known, saves measuring its JSON again. */
  keep(key: string, snapshot: string, value: unknown, characters?: number): void {
    this.kept.set(key, { snapshot, value }, characters === undefined ? undefined : { size: Math.max(1, characters) });
  }

  /**
   * The value under `key` (naming everything it depends on, today included), computed by `compute` unless
   * one computed under the current snapshot is kept.
   */
  async get<T>(prisma: PrismaClient, key: readonly unknown[], compute: () => Promise<T>): Promise<T> {
    const snapshot = knownSnapshot.getStore() ?? (await currentSnapshot(prisma));
    const name = JSON.stringify(key);
    const kept = this.peek<T>(name, snapshot);
    if (kept !== undefined) return kept;

    const computingName = `${snapshot}|${name}`;
    const running = this.computing.get(computingName);
    if (running) return running as Promise<T>;
    const computation = compute()
      .then((value) => {
        this.keep(name, snapshot, value);
        return value;
      })
      .finally(() => this.computing.delete(computingName));
    this.computing.set(computingName, computation);
    return computation;
  }
}

export async function currentSnapshot(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  if (!row) throw new Error('PostgreSQL returned no snapshot');
  return row.snapshot;
}

const knownSnapshot = new AsyncLocalStorage<string>();

/** Runs `work` with the snapshot its request has just read, so the caches it uses do not read it again. */
export function withKnownSnapshot<T>(snapshot: string, work: () => T): T {
  return knownSnapshot.run(snapshot, work);
}
