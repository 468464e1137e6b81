import type { Prisma } from '../../generated/prisma/client.ts';
import type { Viewer } from '../../auth/session.ts';
import type { CsvRow } from './csv-table.ts';
import type { ProblemList } from './problems.ts';

export type ChangeAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

/** What importing one row would do. */
export interface RowChange {
  row: number;
  /** The row's identity in words: an email, an ODS code, "project / title". */
  key: string;
  action: ChangeAction;
  /** Columns whose values differ from what is stored (for UPDATE). */
  changedFields: string[];
}

export interface ImportScope {
  tx: Prisma.TransactionClient;
  viewer: Viewer;
  today: Date;
}

/** One kind of import: its columns, how a file becomes a plan, and how a plan is written. */
export interface Importer<Plan extends { changes: RowChange[] }> {
  columns: readonly string[];
  /** Reads every row against the stored data; problems go to `problems`; nothing is written. */
  plan(scope: ImportScope, rows: CsvRow[], problems: ProblemList): Promise<Plan>;
  /** Writes a plan that had no problems, in the caller's transaction. */
  apply(scope: ImportScope, plan: Plan): Promise<void>;
}

/** Reports rows whose key appeared on an earlier row of the same file. */
export function rejectRepeats<T>(items: T[], keyOf: (item: T) => string, report: (item: T, firstRow: number) => void, rowOf: (item: T) => number): T[] {
  const seen = new Map<string, number>();
  return items.filter((item) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) {
      report(item, first);
      return false;
    }
    seen.set(key, rowOf(item));
    return true;
  });
}

/** The columns whose values differ between a stored record and a row, in column order. */
export function changedColumns(stored: Record<string, unknown>, incoming: Record<string, unknown>): string[] {
  return Object.keys(incoming).filter((column) => String(stored[column]) !== String(incoming[column]));
}
