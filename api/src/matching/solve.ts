import { candidatePairs, EVERY_CANDIDATE, type Pair } from './candidate-pairs.ts';
import { buildEngineModel, type EngineModel } from './engine-model.ts';
import { exactFairness } from './exact-fairness.ts';
import { explainPlacements } from './explain.ts';
import { createSolverModel, loadHighs } from './highs-model.ts';
import { computeMetrics } from './metrics.ts';
import { enginePairs, maxVolumeModel } from './pricing.ts';
import { rankedCandidatesByRequest } from './ranking.ts';
import type { Placement } from './safety.ts';
import { repairToTenths } from './repair.ts';
import { maximiseQuality, progressiveFilling, SolverFailure, stageTwoFloors, type FairnessClaim } from './stages.ts';
import type { MatchingInput, MatchingResult, SolverStats } from './types.ts';
import { organisationWeights } from './weights.ts';

// The fair matching engine (DESIGN §4): candidate pairs → one HiGHS model → weighted max-min fair
// levels per organisation (stage 1, LPs) → most matched time and best quality at those levels (stage 2,
// LPs) → whole tenths and the concurrency cap by a rounding repair that is feasible by construction
// (stage 3; a MIP took 40–50 s on one ICS; on small models a MIP then makes the max-min level exact,
// exact-fairness.ts) → proposals with explanations, and the metrics of that
// integral result. On a large pool the candidate pairs are a shortlist extended by pricing (pricing.ts).

/** Smallest weight an organisation with demand counts with, so a zero weight still shares in the pool. */
const MIN_WEIGHT = 1e-6;

function fairnessClaims(input: MatchingInput): FairnessClaim[] {
  const longest = new Map<string, number>();
  for (const request of input.requests) {
    const weeks = request.endWeek - request.startWeek + 1;
    longest.set(request.organisationId, Math.max(longest.get(request.organisationId) ?? 0, weeks));
  }
  return organisationWeights(input).organisations.map((share) => ({
    organisationId: share.organisationId,
    weight: Math.max(MIN_WEIGHT, share.weight),
    claim: share.claim,
    tenth: (longest.get(share.organisationId) ?? 0) / 10,
  }));
}

/** Whole tenths per pair; development placements paired with the best-ranked qualified analyst placed on
 * the same request, who becomes their MENTOR. */
function placementsOf(engine: EngineModel, tenths: Int32Array): Placement[] {
  const placed = engine.pairs
    .map((pair) => ({ pair, fte: tenths[pair.index] ?? 0 }))
    .filter((entry) => entry.fte > 0);
  const mentorOf = new Map<string, Pair>();
  for (const { pair } of placed) {
    if (pair.kind !== 'STANDARD') continue;
    const current = mentorOf.get(pair.request.id);
    if (current === undefined || pair.rank < current.rank) mentorOf.set(pair.request.id, pair);
  }
  const needsMentor = new Set(placed.filter(({ pair }) => pair.kind === 'DEVELOPMENT').map(({ pair }) => pair.request.id));
  return placed.map(({ pair, fte }) => {
    const mentor = mentorOf.get(pair.request.id);
    const kind = pair.kind === 'DEVELOPMENT' ? 'DEVELOPMENT' : needsMentor.has(pair.request.id) && mentor === pair ? 'MENTOR' : 'STANDARD';
    return {
      analystId: pair.analyst.id,
      requestId: pair.request.id,
      fte,
      startWeek: pair.request.startWeek,
      endWeek: pair.request.endWeek,
      kind,
      mentorAnalystId: kind === 'DEVELOPMENT' ? (mentor?.analyst.id ?? null) : null,
    };
  });
}

export async function solveMatching(input: MatchingInput): Promise<MatchingResult> {
  const started = performance.now();
  const highs = await loadHighs();
  const stages: SolverStats['stages'] = [];
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    stages.push({ name, ms: now - mark });
    mark = now;
  };

  const ranked = rankedCandidatesByRequest(input);
  const priced = enginePairs(highs, input, ranked);
  const { pairs } = priced;
  lap('pricing');
  const claims = fairnessClaims(input);
  const withPairs = new Set(pairs.map((pair) => pair.request.organisationId));
  const engine = buildEngineModel(pairs, input.policy, claims.filter((claim) => withPairs.has(claim.organisationId)));
  const model = createSolverModel(highs, engine.columns, engine.rows);
  lap('model');
  let tenths: Int32Array;
  let lpSolves: number;
  let mipSolves: number;
  try {
    const filling = progressiveFilling(model, engine, claims);
    lap('fairness');
    const quality = maximiseQuality(model, engine, filling.levels, stageTwoFloors(claims, filling.levels));
    lap('quality');
    const rounds = new Map(filling.levels.map((level) => [level.organisationId, level.round]));
    const floors = claims.map((claim) => ({
      ...claim,
      level: quality.floors.get(claim.organisationId) ?? 0,
      round: rounds.get(claim.organisationId) ?? 0,
    }));
    const exact = exactFairness(highs, engine, claims, repairToTenths(pairs, input.policy, quality.values, floors));
    tenths = exact.tenths;
    mipSolves = exact.mipSolves;
    lpSolves = priced.lpSolves + filling.lpSolves + quality.lpSolves;
    lap('integral');
  } finally {
    model.dispose();
  }

  const placements = placementsOf(engine, tenths);
  const solveMs = performance.now() - started;
  const { organisations, metrics } = computeMetrics(input, placements, solveMs);
  const proposals = explainPlacements(input, ranked, placements, organisations);
  lap('explain');
  return {
    proposals,
    organisations,
    metrics,
    solver: {
      lpSolves,
      mipSolves,
      variables: engine.layout.count,
      constraints: engine.rows.length,
      stages,
      totalMs: performance.now() - started,
    },
  };
}

/** The most FTE-weeks any allocation could match, with no fairness constraint (an LP optimum over every
 * eligible pair): the yardstick for the cost of fairness. */
export async function solveMaxFulfilment(input: MatchingInput): Promise<number> {
  const highs = await loadHighs();
  const { model } = maxVolumeModel(highs, candidatePairs(input, EVERY_CANDIDATE), input);
  try {
    const { modelStatus } = model.run();
    if (modelStatus !== highs.constants.modelStatus.optimal) throw new SolverFailure(`maximum fulfilment: solver ended with status ${modelStatus}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}
