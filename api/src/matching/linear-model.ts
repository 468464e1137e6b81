// A solver-neutral linear model: named rows over numbered columns. The constraint builders produce
// rows in this form (so each can be tested on its own), and `highs-model.ts` packs them for HiGHS.

export interface Term {
  column: number;
  value: number;
}

export interface Row {
  name: string;
  lower: number;
  upper: number;
  terms: Term[];
}

/** Columns: x[p] for every candidate pair (tenths of FTE), then t, the fairness level of stage 1. */
export interface ColumnLayout {
  pairCount: number;
  t: number;
  count: number;
}

export function columnLayout(pairCount: number): ColumnLayout {
  return { pairCount, t: pairCount, count: pairCount + 1 };
}

/** Activity of a row at the given column values. */
function activity(row: Row, values: ArrayLike<number>): number {
  return row.terms.reduce((sum, term) => sum + term.value * (values[term.column] ?? 0), 0);
}

/** Whether the row holds at the given column values, within `tolerance`. */
export function holds(row: Row, values: ArrayLike<number>, tolerance = 1e-6): boolean {
  const value = activity(row, values);
  return value >= row.lower - tolerance && value <= row.upper + tolerance;
}
