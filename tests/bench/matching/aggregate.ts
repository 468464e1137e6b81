import { giniCoefficient, jainIndex } from '../../../api/src/matching/metrics.ts';
import type { MatchingResult } from '../../../api/src/matching/types.ts';
import type { SideReport } from './report.ts';

// One scenario's figures for one solver. England is many independent ICSs: fulfilment pools their FTE-weeks,
// and the fairness figures range over every organisation of every ICS.

export function sideReport(results: readonly MatchingResult[], solveMsMedian: number): SideReport {
  const satisfaction = results.flatMap((result) => result.organisations.map((organisation) => organisation.satisfaction));
  const requested = sum(results.map((result) => result.metrics.requestedFteWeeks));
  return {
    solveMsMedian,
    fulfilment: requested > 0 ? sum(results.map((result) => result.metrics.matchedFteWeeks)) / requested : 1,
    minSatisfaction: satisfaction.length > 0 ? Math.min(...satisfaction) : 1,
    jain: jainIndex(satisfaction),
    gini: giniCoefficient(satisfaction),
    overCapacity: sum(results.map((result) => result.metrics.overCapacity)),
    skillViolations: sum(results.map((result) => result.metrics.skillViolations)),
    developmentPlacements: sum(results.map((result) => result.metrics.developmentPlacements)),
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
