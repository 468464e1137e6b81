
/** One bar of an allocations timeline, whatever query it came from. */
export interface TimelineAllocation {
  id: string;
  analyst: { id: string; name: string };
  /** The organisation the work is for: it picks the bar's colour and pattern. */
  organisation: { id: string; name: string };
  /** What the work is, e.g. the request's title. */
  work: string;
  fte: number;
  /** Monday of the first week, "YYYY-MM-DD". */
  startWeek: string;
  /** Monday of the last week, included. */
  endWeek: string;
  status: string;
}

/** Whether the allocation works in any of the weeks from `firstMonday` to `lastMonday`. */
export function overlapsWeeks(allocation: Pick<TimelineAllocation, 'startWeek' | 'endWeek'>, firstMonday: string, lastMonday: string): boolean {
  return allocation.startWeek <= lastMonday && allocation.endWeek >= firstMonday;
}

export interface TimelineRow {
  /** Unique per row, e.g. "analyst-id:1". */
  key: string;
  analyst: TimelineAllocation['analyst'];
  /** 0 for an analyst's first row; further rows hold work that overlaps in time. */
  lane: number;
}

export interface TimelineLayout {
  rows: TimelineRow[];
  /** The row key of every allocation, by allocation id. */
  rowOf: Map<string, string>;
}

/**
 * One row per analyst, by name, and as many further rows as the analyst has pieces of work at the same
 * time, so no bar hides another: each allocation takes the first lane that is free by its start week.
 */
export function layoutRows(allocations: readonly TimelineAllocation[]): TimelineLayout {
  const byAnalyst = new Map<string, TimelineAllocation[]>();
  for (const allocation of allocations) {
    const own = byAnalyst.get(allocation.analyst.id) ?? [];
    own.push(allocation);
    byAnalyst.set(allocation.analyst.id, own);
  }
  const analysts = [...byAnalyst.values()].sort((a, b) => a[0]!.analyst.name.localeCompare(b[0]!.analyst.name) || a[0]!.analyst.id.localeCompare(b[0]!.analyst.id));

  const rows: TimelineRow[] = [];
  const rowOf = new Map<string, string>();
  for (const own of analysts) {
    const analyst = own[0]!.analyst;
    const laneEnds: string[] = [];
    for (const allocation of [...own].sort((a, b) => a.startWeek.localeCompare(b.startWeek) || a.id.localeCompare(b.id))) {
      let lane = laneEnds.findIndex((lastWeek) => lastWeek < allocation.startWeek);
      if (lane === -1) lane = laneEnds.push(allocation.endWeek) - 1;
      else laneEnds[lane] = allocation.endWeek;
      rowOf.set(allocation.id, `${analyst.id}:${lane}`);
    }
    laneEnds.forEach((_, lane) => rows.push({ key: `${analyst.id}:${lane}`, analyst, lane }));
  }
  return { rows, rowOf };
}

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'crosshatch' | 'vertical';

export interface OrganisationStyle {
  organisation: TimelineAllocation['organisation'];
  colour: string;
  pattern: PatternKind;
  /** For SVG ids, unique within one timeline. */
  patternId: string;
}

// NHS identity colours dark enough that a white pattern stays visible on them.
const colours = ['#005eb8', '#007f3b', '#330072', '#7c2855', '#003087', '#8a1538', '#425563'];
// Six patterns against seven colours: no two of the first 42 organisations look alike.
const patterns: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'horizontal', 'crosshatch', 'vertical'];

/** A colour and a pattern per organisation, by name, so the legend never depends on colour alone. */
export function organisationStyles(allocations: readonly TimelineAllocation[], idPrefix: string): OrganisationStyle[] {
  const organisations = new Map(allocations.map(({ organisation }) => [organisation.id, organisation]));
  return [...organisations.values()]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((organisation, index) => ({
      organisation,
      colour: colours[index % colours.length]!,
      pattern: patterns[index % patterns.length]!,
      patternId: `${idPrefix}-pattern-${index}`,
    }));
}
