import type { Prisma } from '../../generated/prisma/client.ts';

/** A column written from JSON: its record type, and a cast when the column is an enum or array. */
export interface BulkColumn {
  type: 'uuid' | 'text' | 'numeric' | 'integer' | 'boolean' | 'date' | 'timestamptz';
  cast?: string;
}

// Tens of thousands of rows go to PostgreSQL as one JSON parameter and one statement per table: Prisma's
// createMany would build the rows as objects and send them in many batches, which is slow and memory-hungry
// at spreadsheet scale. Table and column names come from the code, never from the file.

export async function bulkInsert(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Record<string, BulkColumn>,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const target = names.map((name) => `"${name}"`).join(', ');
  const values = names.map((name) => `r."${name}"${columns[name]!.cast ? `::${columns[name]!.cast}` : ''}`).join(', ');
  const shape = names.map((name) => `"${name}" ${columns[name]!.type}`).join(', ');
  const touched = TABLES_WITH_UPDATED_AT.has(table) ? { columns: ', "updatedAt"', values: ', now()' } : { columns: '', values: '' };
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${target}${touched.columns}) SELECT ${values}${touched.values} FROM jsonb_to_recordset($1::jsonb) AS r(${shape})`,
    JSON.stringify(rows),
  );
}

/** Updates rows matched by "id" from JSON, bumping "version" when the table has one. */
export async function bulkUpdate(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Record<string, BulkColumn>,
  rows: readonly ({ id: string } & Record<string, unknown>)[],
  { versioned }: { versioned: boolean },
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const assignments = names.map((name) => `"${name}" = r."${name}"${columns[name]!.cast ? `::${columns[name]!.cast}` : ''}`);
  if (versioned) assignments.push('"version" = t."version" + 1');
  if (TABLES_WITH_UPDATED_AT.has(table)) assignments.push('"updatedAt" = now()');
  const shape = ['"id" uuid', ...names.map((name) => `"${name}" ${columns[name]!.type}`)].join(', ');
  await tx.$executeRawUnsafe(
    `UPDATE "${table}" AS t SET ${assignments.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${shape}) WHERE t."id" = r."id"`,
    JSON.stringify(rows),
  );
}

/** Prisma's @updatedAt has no database default, so bulk writes set it themselves. */
const TABLES_WITH_UPDATED_AT = new Set(['Analyst', 'AnalystSkill', 'Organisation', 'Request', 'Project']);
