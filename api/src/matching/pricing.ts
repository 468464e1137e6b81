import type { Highs, Model, SymbolDisposable } from 'highs';
import { candidatePairs, EVERY_CANDIDATE, SHORTLIST, type Pair, type PairLimits } from './candidate-pairs.ts';
import { buildEngineModel, type EngineModel } from './engine-model.ts';
import { createSolverModel } from './highs-model.ts';
import type { RankedCandidate } from './ranking.ts';
import type { MatchingInput } from './types.ts';

// On a large pool the shortlist alone leaves matchable time on the table: the most FTE-weeks it can
// match falls 8 % short of what every eligible pair could. Instead of a longer shortlist (its LPs grow
// slow), the pairs are priced in as in column generation: solve the most-FTE-weeks LP over the pairs so
// far, price every eligible pair left out against that LP's row duals (its FTE-weeks minus what its
// request's FTE, its analyst's capacity and concurrency and, for development, the development rows
// charge), and add each request's best-priced pairs. The analyst-side charge is taken from the rows
// whose load stretch the pair's weeks overlap, a close estimate rather than the exact reduced cost.

/** Pricing rounds (each one LP over the pairs so far). */
const PRICING_ROUNDS = 2;
/** Pairs added per request and round, best reduced cost first. */
const PRICED_PER_REQUEST = 16;
const REDUCED_COST_TOLERANCE = 1e-6;
/**
 * After the last round, a shortlisted pair the volume LP leaves at zero and would lose more than this
 * share of its FTE-weeks on (reduced cost) is dropped: such pairs almost never matter to the fair
 * allocation, and dropping them cuts the stage LPs' time on the large benchmark by two thirds for
 * under 0.2 % of its matched FTE-weeks.
 */
const DROP_BELOW_REDUCED_COST_SHARE = 0.05;

/** The model of the most FTE-weeks the pairs can match, with no fairness rows. */
export function maxVolumeModel(highs: Highs, pairs: Pair[], input: MatchingInput): { engine: EngineModel; model: SymbolDisposable<Model> } {
  const engine = buildEngineModel(pairs, input.policy, []);
  for (const pair of engine.pairs) engine.columns.cost[pair.index] = pair.fteWeeksPerTenth;
  return { engine, model: createSolverModel(highs, engine.columns, engine.rows) };
}

interface StretchCharge {
  firstWeek: number;
  lastWeek: number;
  /** Charge per tenth on capacity rows; per placement (divided by the pair's upper) on concurrency rows. */
  dual: number;
  concurrency: boolean;
}

/** Charge of placing one tenth of a pair left out, read off the row duals of the volume LP. */
function pricer(engine: EngineModel, rowDual: ArrayLike<number>): (pair: Pair) => number {
  const onRequest = new Map<string, number>();
  const onDevelopment = new Map<string, number>();
  const onMentor = new Map<string, number>();
  const onAnalyst = new Map<string, StretchCharge[]>();
  const add = (map: Map<string, number>, key: string, dual: number) => map.set(key, (map.get(key) ?? 0) + dual);
  engine.rows.forEach((row, index) => {
    const dual = rowDual[index] ?? 0;
    const [first] = row.terms;
    if (dual === 0 || first === undefined || first.column >= engine.layout.pairCount) return;
    const pair = engine.pairs[first.column]!;
    const kind = row.name.slice(0, row.name.indexOf(':'));
    if (kind === 'fte') add(onRequest, pair.request.id, dual);
    else if (kind === 'development-share') add(onDevelopment, pair.request.id, dual);
    else if (kind === 'mentor') add(onMentor, pair.request.id, dual);
    else if (kind === 'capacity' || kind === 'concurrency') {
      let firstWeek = Number.NEGATIVE_INFINITY;
      let lastWeek = Number.POSITIVE_INFINITY;
      for (const term of row.terms) {
        const { request } = engine.pairs[term.column]!;
        firstWeek = Math.max(firstWeek, request.startWeek);
        lastWeek = Math.min(lastWeek, request.endWeek);
      }
      const charges = onAnalyst.get(pair.analyst.id) ?? [];
      charges.push({ firstWeek, lastWeek, dual, concurrency: kind === 'concurrency' });
      onAnalyst.set(pair.analyst.id, charges);
    }
  });
  return (pair) => {
    let cost = pair.fteWeeksPerTenth - (onRequest.get(pair.request.id) ?? 0);
    for (const charge of onAnalyst.get(pair.analyst.id) ?? []) {
      if (charge.firstWeek <= pair.request.endWeek && charge.lastWeek >= pair.request.startWeek) {
        cost -= charge.concurrency ? charge.dual / pair.upper : charge.dual;
      }
    }
    const mentor = onMentor.get(pair.request.id) ?? 0;
    return pair.kind === 'DEVELOPMENT' ? cost - (onDevelopment.get(pair.request.id) ?? 0) - mentor : cost + mentor;
  };
}

const keyOf = (pair: Pair) => `${pair.analyst.id}|${pair.request.id}`;

/** Each request's best-priced pairs among those left out, in `every` order. */
function pricedPairs(every: Pair[], kept: Set<string>, reducedCost: (pair: Pair) => number): Pair[] {
  const priced = every
    .filter((pair) => !kept.has(keyOf(pair)))
    .map((pair, order) => ({ pair, order, value: reducedCost(pair) }))
    .filter((entry) => entry.value > REDUCED_COST_TOLERANCE)
    .sort((a, b) => b.value - a.value || a.order - b.order);
  const perRequest = new Map<string, number>();
  return priced
    .filter(({ pair }) => {
      const count = perRequest.get(pair.request.id) ?? 0;
      perRequest.set(pair.request.id, count + 1);
      return count < PRICED_PER_REQUEST;
    })
    .map(({ pair }) => pair);
}

/**
 * The engine's pairs: every eligible pair on a small pool; on a large one the shortlist plus the pairs
 * priced in over PRICING_ROUNDS volume LPs, less the shortlisted pairs the last one shows to be far from
 * useful. Requests in input order, candidates best first within one.
 */
export function enginePairs(
  highs: Highs,
  input: MatchingInput,
  ranked: Map<string, RankedCandidate[]>,
  shortlist: PairLimits = SHORTLIST,
): { pairs: Pair[]; lpSolves: number } {
  const every = candidatePairs(input, EVERY_CANDIDATE, ranked);
  if (every.length <= shortlist.keepAllUpTo) return { pairs: every, lpSolves: 0 };
  let pairs = candidatePairs(input, shortlist, ranked);
  let lpSolves = 0;
  for (let round = 0; round < PRICING_ROUNDS; round += 1) {
    const { engine, model } = maxVolumeModel(highs, pairs, input);
    let added: Pair[];
    try {
      model.run();
      lpSolves += 1;
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      const { colValue, colDual, rowDual } = model.getSolution();
      added = pricedPairs(every, new Set(pairs.map(keyOf)), pricer(engine, rowDual));
      if (round === PRICING_ROUNDS - 1) {
        pairs = pairs.filter(
          (pair) => colValue[pair.index]! > 0 || colDual[pair.index]! > -DROP_BELOW_REDUCED_COST_SHARE * pair.fteWeeksPerTenth,
        );
      }
    } finally {
      model.dispose();
    }
    const kept = new Set([...pairs, ...added].map(keyOf));
    pairs = every.filter((pair) => kept.has(keyOf(pair))).map((pair, index) => ({ ...pair, index }));
  }
  return { pairs, lpSolves };
}
