import type { Pair } from './candidate-pairs.ts';
import {
  capacityRows,
  concurrencyRows,
  developmentRows,
  fairnessRows,
  volumeRow,
  requestFteRows,
  type FairnessTarget,
} from './constraints.ts';
import type { ColumnData } from './highs-model.ts';
import { columnLayout, type ColumnLayout, type Row } from './linear-model.ts';
import { segmentsOf } from './segments.ts';
import type { MatchingPolicy } from './types.ts';

// The whole engine model over a set of candidate pairs: every constraint of DESIGN §4, plus one
// fairness row per organisation given in `targets` (none for the plain maximum-fulfilment model).

export interface EngineModel {
  pairs: Pair[];
  layout: ColumnLayout;
  columns: ColumnData;
  rows: Row[];
  /** Row index of each target organisation's fairness row. */
  fairnessRow: Map<string, number>;
  /** Row index of the total matched FTE-weeks (unbounded until stage 2 fixes it). */
  volumeRow: number;
}

/** How much match quality counts against volume in the quality stage: a perfect match is worth 10 %
 * more than the weakest eligible one, enough to choose between similar allocations but never to give
 * up much matched time for a better fit. */
const QUALITY_WEIGHT = 0.1;

/** Objective weight of one tenth on a pair in the quality stage: FTE-weeks, raised by match quality. */
export function qualityCost(pair: Pair): number {
  return pair.fteWeeksPerTenth * (1 + QUALITY_WEIGHT * pair.match.score);
}

export function buildEngineModel(pairs: Pair[], policy: MatchingPolicy, targets: FairnessTarget[]): EngineModel {
  const segments = segmentsOf(pairs);
  const layout = columnLayout(pairs.length);
  const cost = new Array<number>(layout.count).fill(0);
  const lower = new Array<number>(layout.count).fill(0);
  const upper = new Array<number>(layout.count).fill(0);
  for (const pair of pairs) upper[pair.index] = pair.upper;
  const fairness = fairnessRows(targets, pairs, layout);
  const rows = [
    ...fairness,
    ...capacityRows(segments, pairs),
    ...requestFteRows(pairs),
    ...developmentRows(pairs, policy),
    ...concurrencyRows(segments, pairs, policy),
    volumeRow(pairs),
  ];
  return {
    pairs,
    layout,
    columns: { cost, lower, upper },
    rows,
    fairnessRow: new Map(targets.map((target, index) => [target.organisationId, index])),
    volumeRow: rows.length - 1,
  };
}
