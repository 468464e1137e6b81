import type { Prisma } from '../../../../api/src/generated/prisma/client.ts';

/** Rows per statement: a JSON parameter of a few megabytes at most. */
const CHUNK = 5_000;

/**
 * Inserts rows into a table with one statement per chunk: the rows travel as a single JSON parameter that
 * PostgreSQL reads with the table's own row type, so values take the columns' types and every column left
 * out takes its default. Every row must name the same columns (null where a nullable one is empty).
 */
export async function bulkInsert(tx: Prisma.TransactionClient, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).map((column) => `"${column}"`).join(', ');
  const statement = `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`;
  for (let from = 0; from < rows.length; from += CHUNK) {
    await tx.$executeRawUnsafe(statement, JSON.stringify(rows.slice(from, from + CHUNK)));
  }
}
