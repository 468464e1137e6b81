/**
 * FTE per week, to three decimals rounded half up, of a non-negative total of ten-thousandths of an FTE over
 * `weeks` weeks: exact integer arithmetic, the same as PostgreSQL's numeric round(total / weeks, 3).
 */
export function weeklyAverage(tenThousandths: number, weeks: number): number {
  return Math.floor((tenThousandths + 5 * weeks) / (10 * weeks)) / 1000;
}
