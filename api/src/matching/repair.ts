import { developmentCap, type Pair } from './candidate-pairs.ts';
import { qualityCost } from './engine-model.ts';
import type { MatchingPolicy } from './types.ts';

// Stage 3 by rounding: whole tenths and the concurrency cap from the quality LP's fractional answer.
// Every tenth is added through `room`, which checks each constraint week by week against the input, so
// the result is feasible by construction (capacity, request FTE, development share and mentoring, the
// concurrency cap); it never removes anything. Three passes:
//   1. keep the LP's whole tenths, organisations in the order progressive filling froze them (the worst
//      served first), qualified before development placements (so mentors are in place), largest first;
//      a placement that would break the concurrency cap is left out;
//   2. top up organisations still short of their floor, the furthest behind (relative to weight) first,
//      through the pairs the LP answer used most beyond what is placed, better matches among equals;
//   3. fill whatever room is left in the same order.

export interface Floor {
  organisationId: string;
  weight: number;
  /** FTE-weeks the organisation should receive (its stage-2 floor). */
  level: number;
  /** Progressive-filling round it froze in: the worst served (earliest) keep their LP placements first. */
  round: number;
}

class Allocation {
  readonly tenths: Int32Array;
  private readonly load = new Map<string, number[]>();
  private readonly count = new Map<string, number[]>();
  private readonly onRequest = new Map<string, { all: number; development: number }>();
  readonly received = new Map<string, number>();

  constructor(
    readonly pairs: Pair[],
    private readonly policy: MatchingPolicy,
  ) {
    this.tenths = new Int32Array(pairs.length);
    for (const pair of pairs) {
      if (!this.load.has(pair.analyst.id)) {
        this.load.set(pair.analyst.id, new Array<number>(pair.analyst.capacity.length).fill(0));
        this.count.set(pair.analyst.id, [...pair.analyst.bookedRequestCount]);
      }
      this.onRequest.set(pair.request.id, { all: 0, development: 0 });
    }
  }

  /** Most tenths that can be added to the pair without breaking any constraint. */
  room(pair: Pair): number {
    const { analyst, request } = pair;
    const load = this.load.get(analyst.id)!;
    const count = this.count.get(analyst.id)!;
    const placed = this.tenths[pair.index]! > 0;
    let room = pair.upper - this.tenths[pair.index]!;
    for (let week = request.startWeek; week <= request.endWeek && room > 0; week += 1) {
      room = Math.min(room, (analyst.capacity[week] ?? 0) - load[week]!);
      if (!placed && count[week]! >= this.policy.maxConcurrentRequests) room = 0;
    }
    const totals = this.onRequest.get(request.id)!;
    room = Math.min(room, request.fte - totals.all);
    if (pair.kind === 'DEVELOPMENT') {
      const qualified = totals.all - totals.development;
      room = Math.min(room, developmentCap(request, this.policy.developmentShareCap) - totals.development, qualified - totals.development);
    }
    return Math.max(0, room);
  }

  add(pair: Pair, tenths: number): void {
    if (tenths <= 0) return;
    const load = this.load.get(pair.analyst.id)!;
    const count = this.count.get(pair.analyst.id)!;
    const firstTime = this.tenths[pair.index] === 0;
    for (let week = pair.request.startWeek; week <= pair.request.endWeek; week += 1) {
      load[week]! += tenths;
      if (firstTime) count[week]! += 1;
    }
    this.tenths[pair.index]! += tenths;
    const totals = this.onRequest.get(pair.request.id)!;
    totals.all += tenths;
    if (pair.kind === 'DEVELOPMENT') totals.development += tenths;
    const organisationId = pair.request.organisationId;
    this.received.set(organisationId, (this.received.get(organisationId) ?? 0) + tenths * pair.fteWeeksPerTenth);
  }

  /** Whether placing the pair would take the analyst's last free request slot in one of its weeks. */
  takesLastSlot(pair: Pair): boolean {
    if (this.tenths[pair.index]! > 0) return false;
    const count = this.count.get(pair.analyst.id)!;
    for (let week = pair.request.startWeek; week <= pair.request.endWeek; week += 1) {
      if (count[week]! + 1 >= this.policy.maxConcurrentRequests) return true;
    }
    return false;
  }

  /** Adds up to `wanted` tenths; returns how many were added. */
  offer(pair: Pair, wanted: number): number {
    const added = Math.min(wanted, this.room(pair));
    this.add(pair, added);
    return added;
  }
}

const byQuality = (a: Pair, b: Pair) => qualityCost(b) - qualityCost(a) || a.index - b.index;
const standardFirst = (a: Pair, b: Pair) => (a.kind === b.kind ? 0 : a.kind === 'STANDARD' ? -1 : 1);

function keepWholeTenths(allocation: Allocation, values: ArrayLike<number>, floors: Floor[]): void {
  // LP values sit within solver tolerances of whole tenths; read 2.9999990 as 3, not 2.
  const whole = (pair: Pair) => Math.floor((values[pair.index] ?? 0) + 1e-4);
  const rounds = new Map(floors.map((floor) => [floor.organisationId, floor.round]));
  const round = (pair: Pair) => rounds.get(pair.request.organisationId) ?? Number.POSITIVE_INFINITY;
  const order = allocation.pairs
    .filter((pair) => whole(pair) > 0)
    .sort(
      (a, b) =>
        round(a) - round(b) ||
        standardFirst(a, b) ||
        (values[b.index] ?? 0) * b.fteWeeksPerTenth - (values[a.index] ?? 0) * a.fteWeeksPerTenth ||
        byQuality(a, b),
    );
  // The LP may spread an analyst over more requests than the cap allows; the placement that takes their
  // last slot gets all the time they have left, which otherwise no other request could use.
  for (const pair of order) allocation.offer(pair, allocation.takesLastSlot(pair) ? Number.POSITIVE_INFINITY : whole(pair));
}

/** The pair to grow next: where the LP answer most exceeds what is placed, then better matches. */
function nextPair(allocation: Allocation, candidates: Pair[], values: ArrayLike<number>): Pair | undefined {
  let best: Pair | undefined;
  let bestSurplus = Number.NEGATIVE_INFINITY;
  for (const pair of candidates) {
    if (allocation.room(pair) === 0) continue;
    const surplus = (values[pair.index] ?? 0) - allocation.tenths[pair.index]!;
    if (surplus > bestSurplus + 1e-9) {
      best = pair;
      bestSurplus = surplus;
    }
  }
  return best;
}

function topUpFloors(allocation: Allocation, floors: Floor[], values: ArrayLike<number>): void {
  const pairsOf = new Map<string, Pair[]>();
  for (const pair of [...allocation.pairs].sort((a, b) => standardFirst(a, b) || byQuality(a, b))) {
    const list = pairsOf.get(pair.request.organisationId) ?? [];
    list.push(pair);
    pairsOf.set(pair.request.organisationId, list);
  }
  const shortfall = (floor: Floor) => (floor.level - (allocation.received.get(floor.organisationId) ?? 0)) / floor.weight;
  let open = floors.filter((floor) => shortfall(floor) > 1e-9);
  while (open.length > 0) {
    const floor = open.reduce((worst, candidate) => (shortfall(candidate) > shortfall(worst) ? candidate : worst));
    const missing = floor.level - (allocation.received.get(floor.organisationId) ?? 0);
    const pair = nextPair(allocation, pairsOf.get(floor.organisationId) ?? [], values);
    if (pair === undefined) open = open.filter((candidate) => candidate !== floor);
    else allocation.offer(pair, Math.ceil(missing / pair.fteWeeksPerTenth - 1e-9));
    open = open.filter((candidate) => shortfall(candidate) > 1e-9);
  }
}

function fillRemaining(allocation: Allocation, values: ArrayLike<number>): void {
  const ordered = [...allocation.pairs].sort((a, b) => standardFirst(a, b) || byQuality(a, b));
  for (let pair = nextPair(allocation, ordered, values); pair !== undefined; pair = nextPair(allocation, ordered, values)) {
    allocation.offer(pair, Number.POSITIVE_INFINITY);
  }
}

/** Whole tenths per pair, feasible by construction, as close to the LP answer and the floors as the
 * passes above get. */
export function repairToTenths(pairs: Pair[], policy: MatchingPolicy, values: ArrayLike<number>, floors: Floor[]): Int32Array {
  const allocation = new Allocation(pairs, policy);
  keepWholeTenths(allocation, values, floors);
  topUpFloors(allocation, floors, values);
  fillRemaining(allocation, values);
  return allocation.tenths;
}
