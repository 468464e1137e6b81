import type { Highs } from 'highs';
import { qualityCost, type EngineModel } from './engine-model.ts';
import { createSolverModel } from './highs-model.ts';
import type { Row } from './linear-model.ts';
import { SolverFailure, type FairnessClaim } from './stages.ts';

// Stage 3 made exact on small models. Rounding the LP answer can end a tenth or more short of the best
// max-min fairness level whole tenths allow (about one tiny instance in 5,000). Up to EXACT_PAIR_LIMIT
// candidate pairs a MIP finds that level exactly: x[p] in whole tenths, y[p] ∈ {0, 1} marking a placement
// (x[p] ≤ upper[p] · y[p], Σ y ≤ cap − booked on each concurrency row). When the rounded answer falls
// short of it, a second MIP keeps that level as a floor for every organisation and chooses the most
// matched time and best matches above it. Larger models keep the rounding alone: there a MIP took
// 40–50 s, while on at most EXACT_PAIR_LIMIT pairs it takes milliseconds.

export const EXACT_PAIR_LIMIT = 100;

const INTEGER = 1;
const CONCURRENCY = 'concurrency:';
/** Exact: the search stops only at a proven optimum. */
const MIP_OPTIONS = { mip_rel_gap: 0 } as const;

/** The highest level any allocation could reach: every organisation's whole claim. */
const ceilingOf = (claims: FairnessClaim[]) => Math.min(...claims.map((claim) => claim.claim / claim.weight));

/** The max-min fairness level of an allocation: the lowest min(received, claim) / weight. */
function fairnessLevelOf(engine: EngineModel, claims: FairnessClaim[], tenths: ArrayLike<number>): number {
  const received = new Map<string, number>();
  for (const pair of engine.pairs) {
    const organisationId = pair.request.organisationId;
    received.set(organisationId, (received.get(organisationId) ?? 0) + (tenths[pair.index] ?? 0) * pair.fteWeeksPerTenth);
  }
  return Math.min(...claims.map((claim) => Math.min(received.get(claim.organisationId) ?? 0, claim.claim) / claim.weight));
}

type Goal = { kind: 'level' } | { kind: 'floor'; level: number };

/** The engine rows over columns x (pairs), t, then y (one per pair), with the concurrency count exact. */
function mipRows(engine: EngineModel, goal: Goal, claims: FairnessClaim[]): Row[] {
  const { t } = engine.layout;
  const weights = new Map(claims.map((claim) => [claim.organisationId, claim.weight]));
  const fairnessRows = new Set(engine.fairnessRow.values());
  const organisationOf = new Map([...engine.fairnessRow].map(([organisationId, row]) => [row, organisationId]));
  const rows = engine.rows.map((row, index): Row => {
    if (row.name.startsWith(CONCURRENCY)) return { ...row, terms: row.terms.map((term) => ({ column: t + 1 + term.column, value: 1 })) };
    if (!fairnessRows.has(index) || goal.kind === 'level') return row;
    const floor = goal.level * weights.get(organisationOf.get(index)!)!;
    return { ...row, lower: floor - 1e-7 * Math.max(1, floor), terms: row.terms.filter((term) => term.column !== t) };
  });
  for (const pair of engine.pairs) {
    rows.push({
      name: `placed:${pair.index}`,
      lower: Number.NEGATIVE_INFINITY,
      upper: 0,
      terms: [
        { column: pair.index, value: 1 },
        { column: t + 1 + pair.index, value: -pair.upper },
      ],
    });
  }
  return rows;
}

function solveMip(highs: Highs, engine: EngineModel, claims: FairnessClaim[], goal: Goal): Float64Array {
  const { pairCount, t } = engine.layout;
  const count = t + 1 + pairCount;
  const cost = new Array<number>(count).fill(0);
  const lower = new Array<number>(count).fill(0);
  const upper = new Array<number>(count).fill(1);
  const integrality = new Int32Array(count).fill(INTEGER);
  for (const pair of engine.pairs) {
    upper[pair.index] = pair.upper;
    if (goal.kind === 'floor') cost[pair.index] = qualityCost(pair);
  }
  integrality[t] = 0;
  upper[t] = goal.kind === 'level' ? ceilingOf(claims) : 0;
  cost[t] = goal.kind === 'level' ? 1 : 0;
  using model = createSolverModel(highs, { cost, lower, upper, integrality }, mipRows(engine, goal, claims));
  model.options.set(MIP_OPTIONS);
  const { modelStatus } = model.run();
  if (modelStatus !== highs.constants.modelStatus.optimal) throw new SolverFailure(`exact fairness (${goal.kind}): solver ended with status ${modelStatus}`);
  return model.getSolution().colValue;
}

function wholeTenths(engine: EngineModel, values: Float64Array): Int32Array {
  const tenths = new Int32Array(engine.pairs.length);
  for (const pair of engine.pairs) tenths[pair.index] = Math.round(values[pair.index]!);
  return tenths;
}

/**
 * On a small model, the rounded allocation if it already reaches the best integral max-min level, and
 * otherwise the best allocation at that level. `mipSolves` counts the MIPs it took.
 */
export function exactFairness(
  highs: Highs,
  engine: EngineModel,
  claims: FairnessClaim[],
  rounded: Int32Array,
): { tenths: Int32Array; mipSolves: number } {
  const unchanged = { tenths: rounded, mipSolves: 0 };
  if (engine.pairs.length > EXACT_PAIR_LIMIT || claims.length === 0 || claims.some((claim) => !engine.fairnessRow.has(claim.organisationId))) return unchanged;
  const reached = fairnessLevelOf(engine, claims, rounded);
  if (reached >= ceilingOf(claims) * (1 - 1e-9)) return unchanged;
  // The level of the MIP's own whole tenths, not its t: t may exceed them by the solver's tolerance.
  const best = fairnessLevelOf(engine, claims, wholeTenths(engine, solveMip(highs, engine, claims, { kind: 'level' })));
  if (reached >= best - 1e-9 * Math.max(1, best)) return { tenths: rounded, mipSolves: 1 };
  const tenths = wholeTenths(engine, solveMip(highs, engine, claims, { kind: 'floor', level: best }));
  return { tenths, mipSolves: 2 };
}
