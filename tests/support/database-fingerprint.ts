import type { PrismaClient } from '../../api/src/db/client.ts';

// What a write would change, in one cheap statement: per table its row count and a hash of its rows'
// contents. Sessions are left out, as reading with a session may refresh it, and so are sign-in attempts, as a
// failed sign-in is counted by design.

const UNWATCHED = ['_prisma_migrations', 'Session', 'SignInThrottle'];

export async function databaseFingerprint(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<{ fingerprint: string }[]>(await fingerprintQuery(prisma));
  return row!.fingerprint;
}

const queries = new WeakMap<PrismaClient, string>();

async function fingerprintQuery(prisma: PrismaClient): Promise<string> {
  const known = queries.get(prisma);
  if (known) return known;
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`;
  const parts = tables
    .filter(({ name }) => !UNWATCHED.includes(name))
    .map(({ name }) => `(select '${name}:' || count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) from "${name}" t)`);
  const query = `select concat_ws(' ', ${parts.join(', ')}) as fingerprint`;
  queries.set(prisma, query);
  return query;
}
