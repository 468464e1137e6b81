import highsLoader, { type Highs, type Model, type ModelData, type SymbolDisposable } from 'highs';
import type { Row } from './linear-model.ts';

// HiGHS (WebAssembly) loads once per thread; each solve builds one persistent model from packed sparse
// rows and changes only bounds, costs and coefficients between stages, so re-solves start warm.

let loading: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

export interface ColumnData {
  cost: number[];
  lower: number[];
  upper: number[];
  /** Per column 0 continuous, 1 integer; omitted: all continuous (an LP). */
  integrality?: Int32Array;
}

/** Options every engine solve uses: quiet, and no time limits, so results never depend on speed. */
const SOLVER_OPTIONS = { output_flag: false } as const;

const finite = (highs: Highs, value: number) =>
  value === Number.POSITIVE_INFINITY ? highs.infinity : value === Number.NEGATIVE_INFINITY ? -highs.infinity : value;

function modelData(highs: Highs, columns: ColumnData, rows: Row[]): ModelData {
  const starts = new Int32Array(rows.length + 1);
  const nonzeros = rows.reduce((sum, row) => sum + row.terms.length, 0);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let at = 0;
  rows.forEach((row, index) => {
    for (const term of row.terms) {
      indices[at] = term.column;
      values[at] = term.value;
      at += 1;
    }
    starts[index + 1] = at;
  });
  return {
    numCols: columns.cost.length,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: columns.cost,
    colLower: columns.lower.map((value) => finite(highs, value)),
    colUpper: columns.upper.map((value) => finite(highs, value)),
    rowLower: rows.map((row) => finite(highs, row.lower)),
    rowUpper: rows.map((row) => finite(highs, row.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols: columns.cost.length, starts, indices, values },
    ...(columns.integrality === undefined ? {} : { integrality: columns.integrality }),
  };
}

export function createSolverModel(highs: Highs, columns: ColumnData, rows: Row[]): SymbolDisposable<Model> {
  const model = highs.createModel(modelData(highs, columns, rows));
  model.options.set(SOLVER_OPTIONS);
  return model;
}
