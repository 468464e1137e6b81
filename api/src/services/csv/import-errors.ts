import { DomainError } from '../../errors.ts';
import type { ImportProblem } from './problems.ts';

/** How many problems one response lists; the count says how many more there are. */
export const LISTED_PROBLEMS = 500;

/** A committed file with problems: nothing is written, and every problem is listed by row and column. */
export class ImportRejectedError extends DomainError {
  constructor(problems: readonly ImportProblem[]) {
    const count = problems.length;
    super('VALIDATION_FAILED', `The file has ${count} problem${count === 1 ? '' : 's'}; nothing was imported.`, {
      fields: problems.slice(0, LISTED_PROBLEMS).map((problem) => ({
        path: ['rows', problem.row, ...(problem.column ? [problem.column] : [])],
        message: problem.message,
      })),
      problemCount: count,
    });
  }
}
