import { developmentCap, type Pair } from './candidate-pairs.ts';
import type { ColumnLayout, Row, Term } from './linear-model.ts';
import type { Segment } from './segments.ts';
import type { MatchingPolicy } from './types.ts';

// The engine's constraints (DESIGN §4), one builder each. Rows that can never bind (their variables'
// upper bounds already keep them) are left out, so the model carries only constraints that matter.

const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

const xTerms = (pairs: Pair[], value = 1): Term[] => pairs.map((pair) => ({ column: pair.index, value }));

/**
 * The segments no other segment of the same analyst implies: `b` implies `a` when a's pairs are a subset
 * of b's and b's right-hand side is no larger (`implies(b, a)`); every coefficient is positive.
 */
export function undominated(segments: Segment[], implies: (b: Segment, a: Segment) => boolean): Segment[] {
  const sets = new Map(segments.map((segment) => [segment, new Set(segment.pairs)]));
  const byAnalyst = groupBy(segments, (segment) => segment.analystId);
  return segments.filter((a) =>
    !byAnalyst.get(a.analystId)!.some(
      (b) => b !== a && b.pairs.length >= a.pairs.length && implies(b, a) && a.pairs.every((index) => sets.get(b)!.has(index)),
    ),
  );
}

/** Weekly capacity: in each load stretch, the analyst's placements add up to at most their capacity. */
export function capacityRows(segments: Segment[], pairs: Pair[]): Row[] {
  return undominated(segments, (b, a) => b.capacity <= a.capacity)
    .filter((segment) => sumOf(segment.pairs.map((index) => pairs[index]!.upper)) > segment.capacity)
    .map((segment) => ({
      name: `capacity:${segment.analystId}:w${segment.firstWeek}`,
      lower: Number.NEGATIVE_INFINITY,
      upper: segment.capacity,
      terms: segment.pairs.map((index) => ({ column: index, value: 1 })),
    }));
}

/** Request FTE: placements on a request add up to at most its FTE. */
export function requestFteRows(pairs: Pair[]): Row[] {
  return [...groupBy(pairs, (pair) => pair.request.id).values()]
    .filter((group) => sumOf(group.map((pair) => pair.upper)) > group[0]!.request.fte)
    .map((group) => ({
      name: `fte:${group[0]!.request.id}`,
      lower: Number.NEGATIVE_INFINITY,
      upper: group[0]!.request.fte,
      terms: xTerms(group),
    }));
}

/**
 * Development: development placements on a request cover at most its share cap of the request's FTE,
 * and never more than its fully qualified placements, so every development placement has a qualified
 * analyst on the same request to mentor it.
 */
export function developmentRows(pairs: Pair[], policy: MatchingPolicy): Row[] {
  const rows: Row[] = [];
  for (const group of groupBy(pairs, (pair) => pair.request.id).values()) {
    const development = group.filter((pair) => pair.kind === 'DEVELOPMENT');
    if (development.length === 0) continue;
    const request = group[0]!.request;
    const cap = developmentCap(request, policy.developmentShareCap);
    if (sumOf(development.map((pair) => pair.upper)) > cap) {
      rows.push({ name: `development-share:${request.id}`, lower: Number.NEGATIVE_INFINITY, upper: cap, terms: xTerms(development) });
    }
    rows.push({
      name: `mentor:${request.id}`,
      lower: Number.NEGATIVE_INFINITY,
      upper: 0,
      terms: [...xTerms(development), ...xTerms(group.filter((pair) => pair.kind === 'STANDARD'), -1)],
    });
  }
  return rows;
}

/** Load stretches where the analyst could be on more than the allowed number of requests at once. */
function concurrencySegments(segments: Segment[], policy: MatchingPolicy): Segment[] {
  return undominated(segments, (b, a) => b.booked >= a.booked).filter((segment) => segment.pairs.length + segment.booked > policy.maxConcurrentRequests);
}

/**
 * Concurrency: in every week an analyst is on at most maxConcurrentRequests requests, counting those
 * already booked. With y[p] ∈ {0, 1} marking a placement, x[p] ≤ upper[p] · y[p] and Σ y ≤ cap − booked;
 * the LP relaxation of that is exactly Σ x[p] / upper[p] ≤ cap − booked (take y[p] = x[p] / upper[p]),
 * which needs no y columns. The integral stage enforces the count itself.
 */
export function concurrencyRows(segments: Segment[], pairs: Pair[], policy: MatchingPolicy): Row[] {
  return concurrencySegments(segments, policy).map((segment) => ({
    name: `concurrency:${segment.analystId}:w${segment.firstWeek}`,
    lower: Number.NEGATIVE_INFINITY,
    upper: policy.maxConcurrentRequests - segment.booked,
    terms: segment.pairs.map((index) => ({ column: index, value: 1 / pairs[index]!.upper })),
  }));
}

export interface FairnessTarget {
  organisationId: string;
  weight: number;
}

/**
 * Fairness (stage 1): each organisation receives at least t × its weight in FTE-weeks. Freezing an
 * organisation later sets its t coefficient to 0 and its lower bound to the level it reached.
 */
export function fairnessRows(targets: FairnessTarget[], pairs: Pair[], layout: ColumnLayout): Row[] {
  const byOrganisation = groupBy(pairs, (pair) => pair.request.organisationId);
  return targets.map((target) => ({
    name: `fairness:${target.organisationId}`,
    lower: 0,
    upper: Number.POSITIVE_INFINITY,
    terms: [
      ...(byOrganisation.get(target.organisationId) ?? []).map((pair) => ({ column: pair.index, value: pair.fteWeeksPerTenth })),
      { column: layout.t, value: -target.weight },
    ],
  }));
}

/** Total matched FTE-weeks; free until stage 2 holds it at its optimum while fairness is restored. */
export function volumeRow(pairs: Pair[]): Row {
  return {
    name: 'volume',
    lower: Number.NEGATIVE_INFINITY,
    upper: Number.POSITIVE_INFINITY,
    terms: pairs.map((pair) => ({ column: pair.index, value: pair.fteWeeksPerTenth })),
  };
}
