import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '../csv/spreadsheet-text.ts';
import type { FairnessReport } from '../fairness/report.ts';
import type { CapacityDemand, SupplyDemandRow } from './capacity-demand.ts';

// The capacity and fairness reports as spreadsheets: one row per figure, in the same numbers the pages show.

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function capacityDemandCsv(report: CapacityDemand): string {
  const rows = [
    ...[...report.skills, ...report.categories, ...report.organisations].flatMap((row) => cellRows(row.kind.toLowerCase(), row, report.minLevel)),
    ...report.forecast.skills.flatMap((row) => cellRows('forecast', row, report.minLevel)),
  ];
  return stringify(rows, { header: true, columns: CAPACITY_COLUMNS });
}

function cellRows(group: string, row: SupplyDemandRow, minLevel: number) {
  return row.cells.map((cell) => ({
    group,
    name: spreadsheetText(row.label),
    category: row.category ?? '',
    month: cell.bucket,
    min_level: minLevel,
    supply_fte: cell.supply,
    demand_fte: cell.demand,
    waiting_demand_fte: cell.pipeline,
    shortfall_fte: cell.shortfall,
  }));
}

const CAPACITY_COLUMNS = ['group', 'name', 'category', 'month', 'min_level', 'supply_fte', 'demand_fte', 'waiting_demand_fte', 'shortfall_fte'];

export function fairnessCsv(report: FairnessReport): string {
  const rows = report.organisations.map((row) => ({
    organisation: spreadsheetText(row.organisation.name),
    start_week: isoDate(report.span.startWeek),
    end_week: isoDate(report.span.endWeek),
    closed: report.closedPeriodId ? 'yes' : 'no',
    alpha: report.policy.alpha,
    beta: report.policy.beta,
    gamma: report.policy.gamma,
    weight: row.weight,
    entitlement_fte_weeks: row.entitlement,
    claim_fte_weeks: row.claim,
    received_fte_weeks: row.received,
    satisfaction: row.satisfaction ?? '',
    contribution_fte_weeks: row.contribution,
    balance_fte_weeks: row.balance,
    credit_in_fte_weeks: row.creditIn,
    credit_carried_fte_weeks: row.creditCarried,
  }));
  return stringify(rows, { header: true, columns: FAIRNESS_COLUMNS });
}

const FAIRNESS_COLUMNS = [
  'organisation', 'start_week', 'end_week', 'closed', 'alpha', 'beta', 'gamma', 'weight', 'entitlement_fte_weeks',
  'claim_fte_weeks', 'received_fte_weeks', 'satisfaction', 'contribution_fte_weeks', 'balance_fte_weeks',
  'credit_in_fte_weeks', 'credit_carried_fte_weeks',
];
