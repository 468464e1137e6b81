import { SnapshotCache } from '../../cache/snapshot-cache.ts';

/**
 * Derived reports (capacity and demand, fairness, utilisation) read the whole ICS and cost tens of
 * milliseconds, and are the same for everyone allowed to see them until data changes: they are kept per ICS
 * and parameters until the database changes (cache/snapshot-cache.ts). One cache for the process; keys
 * name the ICS, whose id is unique across databases.
 */
export const reportCache = new SnapshotCache({ max: 1_000, maxCharacters: 4 * 1024 * 1024 });
