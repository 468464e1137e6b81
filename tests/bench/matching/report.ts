// The benchmark's report: one JSON document (`--json`) or a table for people.

export interface SideReport {
  solveMsMedian: number;
  fulfilment: number;
  minSatisfaction: number;
  jain: number;
  gini: number;
  overCapacity: number;
  skillViolations: number;
  developmentPlacements: number;
}

export interface ScenarioReport {
  name: string;
  analysts: number;
  requests: number;
  organisations: number;
  weeks: number;
  engine: SideReport;
  baseline: SideReport;
  /** Best fulfilment possible with no fairness constraint (an LP optimum over requested FTE-weeks). */
  maxFulfilment: number;
}

export interface BenchReport {
  scenarios: ScenarioReport[];
}

const COLUMNS: readonly (readonly [string, (side: SideReport) => string])[] = [
  ['solve ms', (side) => side.solveMsMedian.toFixed(0)],
  ['fulfil', (side) => percent(side.fulfilment)],
  ['min sat', (side) => side.minSatisfaction.toFixed(3)],
  ['Jain', (side) => side.jain.toFixed(3)],
  ['Gini', (side) => side.gini.toFixed(3)],
  ['over cap', (side) => String(side.overCapacity)],
  ['skill viol', (side) => String(side.skillViolations)],
  ['dev', (side) => String(side.developmentPlacements)],
];

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

export function formatTable(report: BenchReport): string {
  const header = ['scenario', 'size (analysts × requests × weeks, orgs)', 'solver', ...COLUMNS.map(([title]) => title), 'max fulfil', 'engine/max'];
  const rows = report.scenarios.flatMap((scenario) => {
    const size = `${scenario.analysts} × ${scenario.requests} × ${scenario.weeks}, ${scenario.organisations}`;
    const ratio = scenario.maxFulfilment > 0 ? percent(scenario.engine.fulfilment / scenario.maxFulfilment) : '–';
    return [
      [scenario.name, size, 'engine', ...COLUMNS.map(([, cell]) => cell(scenario.engine)), percent(scenario.maxFulfilment), ratio],
      ['', '', 'baseline', ...COLUMNS.map(([, cell]) => cell(scenario.baseline)), '', ''],
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
