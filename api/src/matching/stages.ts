import type { Model } from 'highs';
import { qualityCost, type EngineModel } from './engine-model.ts';

// The two LP stages over one persistent HiGHS model (DESIGN §4); `repair.ts` makes the answer integral.
//  1. progressive filling: maximise t with received_o ≥ t · w_o for every organisation not yet frozen;
//     organisations whose row has a non-zero dual cannot get more without taking from one at the same
//     level, so they freeze there; those whose demand caps t freeze at their demand; repeat;
//  2. keeping those levels (within LEVEL_SLACK), maximise matched FTE-weeks, then win back as much of the
//     slack as that volume allows, then choose the best matches (see maximiseQuality).
// Between stages only bounds, costs and the t coefficients change, so each re-solve starts warm.

export interface FairnessClaim {
  organisationId: string;
  /** w_o (kept above zero: an organisation with demand always counts). */
  weight: number;
  /** D_o, FTE-weeks. */
  claim: number;
  /** FTE-weeks of one tenth on the organisation's longest request. */
  tenth: number;
}

export interface OrganisationLevel {
  organisationId: string;
  /** FTE-weeks the organisation is guaranteed after stage 1. */
  level: number;
  /** True when it was frozen because its whole demand can be met. */
  demandMet: boolean;
  /** 1-based progressive-filling round in which it froze (0: no candidates at all). */
  round: number;
}

export class SolverFailure extends Error {}

const DUAL_TOLERANCE = 1e-9;
const LEVEL_TOLERANCE = 1e-7;

const OPTIMAL = 7;

/** Runs warm; a warm start that ends anywhere but optimal (HiGHS can stall on a degenerate basis after
 * bound changes) is retried once from scratch before the run fails. */
function run(model: Model, stage: string): Float64Array {
  if (model.run().modelStatus !== OPTIMAL) {
    model.clearSolver();
    const { modelStatus } = model.run();
    if (modelStatus !== OPTIMAL) throw new SolverFailure(`${stage}: solver ended with status ${modelStatus}`);
  }
  return model.getSolution().colValue;
}

const slack = (level: number) => LEVEL_TOLERANCE * Math.max(1, level);

function freeze(model: Model, engine: EngineModel, organisationId: string, level: number): void {
  const row = engine.fairnessRow.get(organisationId)!;
  model.changeCoefficient(row, engine.layout.t, 0);
  model.changeRowBounds(row, Math.max(0, level - slack(level)), Number.POSITIVE_INFINITY);
}

/** Stage 1. Returns each claimant's level; `lpSolves` counts the LPs it took. */
export function progressiveFilling(
  model: Model,
  engine: EngineModel,
  claims: FairnessClaim[],
): { levels: OrganisationLevel[]; lpSolves: number } {
  const levels: OrganisationLevel[] = [];
  let open = claims.filter((claim) => {
    if (engine.fairnessRow.has(claim.organisationId)) return true;
    levels.push({ organisationId: claim.organisationId, level: 0, demandMet: false, round: 0 });
    return false;
  });
  model.changeColCost(engine.layout.t, 1);
  let round = 0;
  while (open.length > 0) {
    round += 1;
    const cap = Math.min(...open.map((claim) => claim.claim / claim.weight));
    model.changeColBounds(engine.layout.t, 0, cap);
    run(model, 'fairness');
    const { colValue, rowDual, rowValue } = model.getSolution();
    const t = colValue[engine.layout.t]!;
    const atCap = t >= cap * (1 - 1e-9);
    const row = (claim: FairnessClaim) => engine.fairnessRow.get(claim.organisationId)!;
    const demandMet = (claim: FairnessClaim) => atCap && claim.claim / claim.weight <= t * (1 + 1e-9);
    let frozen = open.filter((claim) => demandMet(claim) || Math.abs(rowDual[row(claim)]!) > DUAL_TOLERANCE);
    // Degenerate duals can hide the blocking rows; then every tight row is frozen, which is safe.
    if (frozen.length === 0) frozen = open.filter((claim) => rowValue[row(claim)]! <= slack(t * claim.weight));
    if (frozen.length === 0) frozen = open;
    for (const claim of frozen) {
      const met = demandMet(claim);
      const level = met ? claim.claim : t * claim.weight;
      freeze(model, engine, claim.organisationId, level);
      levels.push({ organisationId: claim.organisationId, level, demandMet: met, round });
    }
    const done = new Set(frozen);
    open = open.filter((claim) => !done.has(claim));
  }
  model.changeColCost(engine.layout.t, 0);
  model.changeColBounds(engine.layout.t, 0, 0);
  return { levels, lpSolves: round };
}

/**
 * Share of its stage-1 level above the max-min guarantee that an organisation may give up in stage 2, if
 * that matches more FTE-weeks. Insisting on every level exactly costs 5–8 % of matched FTE-weeks on the
 * benchmark scenarios; with this slack (most of it won back in stage 2b) the cost stays under 3 %.
 */
const LEVEL_SLACK = 0.2;

/** The max-min guarantee: the first round's water level × weight, capped at the organisation's level. */
function maxMinGuarantee(claims: FairnessClaim[], levels: OrganisationLevel[]): Map<string, number> {
  const weights = new Map(claims.map((claim) => [claim.organisationId, claim.weight]));
  const ratios = levels.filter((level) => level.round > 0).map((level) => level.level / weights.get(level.organisationId)!);
  const water = ratios.length === 0 ? 0 : Math.min(...ratios);
  return new Map(levels.map((level) => [level.organisationId, Math.min(level.level, water * weights.get(level.organisationId)!)]));
}

/**
 * The FTE-weeks each organisation keeps in stage 2: at least its max-min guarantee, and at least
 * (1 − LEVEL_SLACK) of its own level.
 */
export function stageTwoFloors(claims: FairnessClaim[], levels: OrganisationLevel[]): Map<string, number> {
  const guarantee = maxMinGuarantee(claims, levels);
  return new Map(
    levels.map((level) => [level.organisationId, Math.max(guarantee.get(level.organisationId)!, (1 - LEVEL_SLACK) * level.level)]),
  );
}

function setFloors(model: Model, engine: EngineModel, floors: Map<string, number>): void {
  for (const [organisationId, floor] of floors) {
    const row = engine.fairnessRow.get(organisationId);
    if (row !== undefined) model.changeRowBounds(row, Math.max(0, floor - slack(floor)), Number.POSITIVE_INFINITY);
  }
}

/**
 * Stage 2, three warm LPs: (a) the most FTE-weeks, better matches first, at the relaxed floors; (b) with
 * the matched FTE-weeks held there, raise every organisation by the same share u of the way from its
 * relaxed floor back to its full level, u as large as possible (often 1: nothing was given up); (c) at
 * those floors and that volume, the best match quality. Returns the column values and the final floors.
 */
export function maximiseQuality(
  model: Model,
  engine: EngineModel,
  levels: OrganisationLevel[],
  floors: Map<string, number>,
): { values: Float64Array; floors: Map<string, number>; lpSolves: number } {
  const { t, pairCount } = engine.layout;
  setFloors(model, engine, floors);
  for (const pair of engine.pairs) model.changeColCost(pair.index, qualityCost(pair));
  const first = run(model, 'volume');
  const volume = engine.pairs.reduce((sum, pair) => sum + first[pair.index]! * pair.fteWeeksPerTenth, 0);
  model.changeRowBounds(engine.volumeRow, volume - slack(volume), Number.POSITIVE_INFINITY);

  for (let column = 0; column < pairCount; column += 1) model.changeColCost(column, 0);
  const gaps = levels.filter((level) => engine.fairnessRow.has(level.organisationId) && level.level > floors.get(level.organisationId)! + 1e-9);
  let share = 0;
  if (gaps.length > 0) {
    for (const level of gaps) model.changeCoefficient(engine.fairnessRow.get(level.organisationId)!, t, -(level.level - floors.get(level.organisationId)!));
    model.changeColBounds(t, 0, 1);
    model.changeColCost(t, 1);
    share = run(model, 'restore')[t]!;
    for (const level of gaps) model.changeCoefficient(engine.fairnessRow.get(level.organisationId)!, t, 0);
    model.changeColCost(t, 0);
    model.changeColBounds(t, 0, 0);
  }
  const restored = new Map(
    [...floors].map(([organisationId, floor]) => {
      const level = levels.find((entry) => entry.organisationId === organisationId)!.level;
      return [organisationId, floor + share * Math.max(0, level - floor)];
    }),
  );
  setFloors(model, engine, restored);
  for (const pair of engine.pairs) model.changeColCost(pair.index, qualityCost(pair));
  return { values: run(model, 'quality'), floors: restored, lpSolves: gaps.length > 0 ? 3 : 2 };
}
