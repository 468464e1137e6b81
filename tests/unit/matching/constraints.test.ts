import { describe, expect, it } from 'vitest';
import { candidatePairs, EVERY_CANDIDATE, type Pair } from '../../../api/src/matching/candidate-pairs.ts';
import {
  capacityRows,
  concurrencyRows,
  developmentRows,
  fairnessRows,
  requestFteRows,
  undominated,
  volumeRow,
} from '../../../api/src/matching/constraints.ts';
import { columnLayout, holds, type Row } from '../../../api/src/matching/linear-model.ts';
import { segmentsOf, type Segment } from '../../../api/src/matching/segments.ts';
import type { AnalystInput, MatchingInput, RequestInput } from '../../../api/src/matching/types.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './support/input.ts';

// Each constraint builder on a hand-made instance: which rows it emits, and that they accept a feasible
// allocation and reject one breaking exactly that constraint.

const stats = [{ skillId: 'stats', level: 2 }];

function instance(analysts: AnalystInput[], requests: RequestInput[], policy = DEFAULT_POLICY): { input: MatchingInput; pairs: Pair[] } {
  const input = matchingInput({
    weekCount: 4,
    policy,
    organisations: [organisation({ id: 'home' }), organisation({ id: 'trust' }), organisation({ id: 'hospice' })],
    analysts,
    requests,
  });
  return { input, pairs: candidatePairs(input, EVERY_CANDIDATE) };
}

const pairOf = (pairs: Pair[], analystId: string, requestId: string) =>
  pairs.find((pair) => pair.analyst.id === analystId && pair.request.id === requestId)!;

/** Column values with the given tenths per (analyst, request) and t. */
function values(pairs: Pair[], tenths: Record<string, number>, t = 0): number[] {
  const result = pairs.map((pair) => tenths[`${pair.analyst.id}|${pair.request.id}`] ?? 0);
  return [...result, t];
}

const allHold = (rows: Row[], columnValues: number[]) => rows.every((row) => holds(row, columnValues));

describe('segmentsOf', () => {
  it('splits an analyst’s weeks where candidate requests start or end, and merges stretches with the same requests', () => {
    const { pairs } = instance(
      [analyst(4, { id: 'a', organisationId: 'home', skills: stats, capacity: [5, 5, 3, 3] })],
      [request({ id: 'r1', organisationId: 'trust', required: stats, startWeek: 0, endWeek: 3 }), request({ id: 'r2', organisationId: 'trust', required: stats, startWeek: 1, endWeek: 2 })],
    );
    const segments = segmentsOf(pairs).map(({ firstWeek, lastWeek, pairs: active, capacity }) => ({ firstWeek, lastWeek, active, capacity }));
    // Weeks 0 and 3 have only r1 (merged at the tighter capacity, 3); weeks 1 and 2 have both.
    expect(segments).toEqual([
      { firstWeek: 0, lastWeek: 0, active: [0], capacity: 3 },
      { firstWeek: 1, lastWeek: 1, active: [0, 1], capacity: 3 },
    ]);
  });
});

describe('capacityRows', () => {
  const { pairs } = instance(
    [analyst(4, { id: 'a', organisationId: 'home', skills: stats, capacity: [5, 5, 5, 5] })],
    [request({ id: 'r1', organisationId: 'trust', required: stats, fte: 4, endWeek: 1 }), request({ id: 'r2', organisationId: 'trust', required: stats, fte: 4, startWeek: 1, endWeek: 3 })],
  );
  const rows = capacityRows(segmentsOf(pairs), pairs);

  it('emits one row for the overlapping week only: alone, each placement’s bound already keeps capacity', () => {
    expect(rows.map((row) => [row.name, row.upper])).toEqual([['capacity:a:w1', 5]]);
  });

  it('accepts loads within capacity and rejects a week over it', () => {
    expect(allHold(rows, values(pairs, { 'a|r1': 3, 'a|r2': 2 }))).toBe(true);
    expect(allHold(rows, values(pairs, { 'a|r1': 3, 'a|r2': 3 }))).toBe(false);
  });
});

describe('undominated', () => {
  it('drops a segment implied by another with a superset of pairs and no larger bound', () => {
    const base = { analystId: 'a', firstWeek: 0, lastWeek: 0, booked: 0 };
    const small: Segment = { ...base, pairs: [0], capacity: 5 };
    const large: Segment = { ...base, firstWeek: 1, lastWeek: 1, pairs: [0, 1], capacity: 4 };
    const looser: Segment = { ...base, firstWeek: 2, lastWeek: 2, pairs: [0, 1, 2], capacity: 9 };
    expect(undominated([small, large, looser], (b, a) => b.capacity <= a.capacity)).toEqual([large, looser]);
  });
});

describe('requestFteRows', () => {
  const { pairs } = instance(
    [analyst(4, { id: 'a', organisationId: 'home', skills: stats }), analyst(4, { id: 'b', organisationId: 'home', skills: stats })],
    [request({ id: 'r', organisationId: 'trust', required: stats, fte: 6, endWeek: 3 })],
  );
  const rows = requestFteRows(pairs);

  it('caps the placements on a request at its FTE', () => {
    expect(rows.map((row) => [row.name, row.upper])).toEqual([['fte:r', 6]]);
    expect(allHold(rows, values(pairs, { 'a|r': 3, 'b|r': 3 }))).toBe(true);
    expect(allHold(rows, values(pairs, { 'a|r': 4, 'b|r': 3 }))).toBe(false);
  });

  it('emits nothing when the candidates together cannot exceed the request', () => {
    const single = pairs.filter((pair) => pair.analyst.id === 'a');
    expect(requestFteRows(single)).toEqual([]);
  });
});

describe('developmentRows', () => {
  const { pairs } = instance(
    [
      analyst(4, { id: 'qualified', organisationId: 'home', skills: stats }),
      analyst(4, { id: 'grower', organisationId: 'home', skills: [{ skillId: 'stats', level: 1 }], aspirations: [{ skillId: 'stats', level: 3 }] }),
      analyst(4, { id: 'grower2', organisationId: 'home', skills: [{ skillId: 'stats', level: 1 }], aspirations: [{ skillId: 'stats', level: 2 }] }),
    ],
    [request({ id: 'r', organisationId: 'trust', required: stats, fte: 6, endWeek: 3, openToDevelopment: true })],
  );
  const rows = developmentRows(pairs, DEFAULT_POLICY);

  it('bounds development placements by the share cap and by the qualified placements (the mentors)', () => {
    expect(pairOf(pairs, 'grower', 'r').kind).toBe('DEVELOPMENT');
    expect(rows.map((row) => [row.name, row.upper])).toEqual([
      ['development-share:r', 3],
      ['mentor:r', 0],
    ]);
  });

  it('accepts development with a mentor within the cap; rejects it alone or above half the FTE', () => {
    expect(allHold(rows, values(pairs, { 'qualified|r': 2, 'grower|r': 2 }))).toBe(true);
    expect(allHold(rows, values(pairs, { 'grower|r': 1 }))).toBe(false);
    expect(allHold(rows, values(pairs, { 'qualified|r': 4, 'grower|r': 2, 'grower2|r': 2 }))).toBe(false);
  });
});

describe('concurrencyRows', () => {
  const policy = { ...DEFAULT_POLICY, maxConcurrentRequests: 2 };
  const { pairs } = instance(
    [analyst(4, { id: 'a', organisationId: 'home', skills: stats, capacity: [10, 10, 10, 10], bookedRequestCount: [1, 0, 0, 0] })],
    [
      request({ id: 'r1', organisationId: 'trust', required: stats, fte: 2, endWeek: 3 }),
      request({ id: 'r2', organisationId: 'trust', required: stats, fte: 2, endWeek: 3 }),
      request({ id: 'r3', organisationId: 'hospice', required: stats, fte: 2, startWeek: 1, endWeek: 3 }),
    ],
    policy,
  );
  const rows = concurrencyRows(segmentsOf(pairs), pairs, policy);

  it('limits each stretch to the cap less existing bookings, in the LP relaxation Σ x / upper', () => {
    expect(rows.map((row) => [row.name, row.upper])).toEqual([
      ['concurrency:a:w0', 1],
      ['concurrency:a:w1', 2],
    ]);
    expect(rows[0]!.terms.map((term) => term.value)).toEqual([0.5, 0.5]);
  });

  it('accepts one request where one was already booked, and two later; rejects more', () => {
    expect(allHold(rows, values(pairs, { 'a|r1': 2, 'a|r3': 2 }))).toBe(true);
    expect(allHold(rows, values(pairs, { 'a|r1': 2, 'a|r2': 2 }))).toBe(false);
    expect(allHold(rows, values(pairs, { 'a|r1': 2, 'a|r2': 2, 'a|r3': 2 }))).toBe(false);
  });
});

describe('fairnessRows and volumeRow', () => {
  const { pairs } = instance(
    [analyst(4, { id: 'a', organisationId: 'home', skills: stats })],
    [request({ id: 'r', organisationId: 'trust', required: stats, fte: 5, startWeek: 0, endWeek: 1 }), request({ id: 'h', organisationId: 'hospice', required: stats, fte: 5, startWeek: 2, endWeek: 3 })],
  );
  const layout = columnLayout(pairs.length);
  const rows = fairnessRows(
    [
      { organisationId: 'trust', weight: 0.5 },
      { organisationId: 'hospice', weight: 0.25 },
    ],
    pairs,
    layout,
  );

  it('counts FTE-weeks received against t × weight', () => {
    // 3 tenths over 2 weeks = 0.6 FTE-weeks ≥ 0.5 t holds for t = 1.2, not beyond.
    expect(holds(rows[0]!, values(pairs, { 'a|r': 3 }, 1.2))).toBe(true);
    expect(holds(rows[0]!, values(pairs, { 'a|r': 3 }, 1.3))).toBe(false);
    expect(holds(rows[1]!, values(pairs, { 'a|h': 1 }, 0.8))).toBe(true);
  });

  it('sums matched FTE-weeks over every pair', () => {
    const row = { ...volumeRow(pairs), lower: 1, upper: 1 };
    expect(holds(row, values(pairs, { 'a|r': 3, 'a|h': 2 }))).toBe(true);
  });
});
