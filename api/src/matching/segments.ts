import type { Pair } from './candidate-pairs.ts';

// Every placement spans its request's weeks at one FTE, so an analyst's load only changes where one of
// their candidate requests starts or ends. Between those weeks (and weeks where their capacity or
// existing bookings change) the set of requests they might be on is fixed, and one row per such
// stretch, at its tightest week, covers every week in it. Stretches with the same request set collapse
// into one, keeping the tightest capacity and the most existing bookings.

export interface Segment {
  analystId: string;
  /** First and last week of the stretch (the first such stretch when several collapsed). */
  firstWeek: number;
  lastWeek: number;
  /** Pairs (indexes) active throughout the stretch. */
  pairs: number[];
  /** Least capacity in tenths over the stretch. */
  capacity: number;
  /** Most requests the analyst is already booked on in one week of the stretch. */
  booked: number;
}

function breakpointsOf(pairs: Pair[], capacity: number[], booked: number[]): number[] {
  const points = new Set<number>();
  for (const pair of pairs) {
    points.add(pair.request.startWeek);
    points.add(pair.request.endWeek + 1);
  }
  for (let week = 1; week < capacity.length; week += 1) {
    if (capacity[week] !== capacity[week - 1] || booked[week] !== booked[week - 1]) points.add(week);
  }
  return [...points].sort((a, b) => a - b);
}

/** The load stretches of one analyst over their candidate pairs. */
function analystSegments(pairs: Pair[]): Segment[] {
  const [first] = pairs;
  if (first === undefined) return [];
  const { id: analystId, capacity, bookedRequestCount } = first.analyst;
  const points = breakpointsOf(pairs, capacity, bookedRequestCount);
  const bySet = new Map<string, Segment>();
  for (let index = 0; index + 1 < points.length; index += 1) {
    const firstWeek = points[index]!;
    const lastWeek = points[index + 1]! - 1;
    const active = pairs.filter((pair) => pair.request.startWeek <= firstWeek && pair.request.endWeek >= lastWeek);
    if (active.length === 0) continue;
    let least = Number.POSITIVE_INFINITY;
    let most = 0;
    for (let week = firstWeek; week <= lastWeek; week += 1) {
      least = Math.min(least, capacity[week] ?? 0);
      most = Math.max(most, bookedRequestCount[week] ?? 0);
    }
    const key = active.map((pair) => pair.index).join(',');
    const seen = bySet.get(key);
    if (seen === undefined) {
      bySet.set(key, { analystId, firstWeek, lastWeek, pairs: active.map((pair) => pair.index), capacity: least, booked: most });
    } else {
      seen.capacity = Math.min(seen.capacity, least);
      seen.booked = Math.max(seen.booked, most);
    }
  }
  return [...bySet.values()];
}

/** Load stretches of every analyst with candidate pairs, analysts in order of first appearance. */
export function segmentsOf(pairs: Pair[]): Segment[] {
  const byAnalyst = new Map<string, Pair[]>();
  for (const pair of pairs) {
    const list = byAnalyst.get(pair.analyst.id) ?? [];
    list.push(pair);
    byAnalyst.set(pair.analyst.id, list);
  }
  return [...byAnalyst.values()].flatMap(analystSegments);
}
