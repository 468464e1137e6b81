import { mondayOf } from '../../weeks.ts';
import type { Problem } from './problems.ts';

/** What the proposal form holds, as typed. */
export interface ProposalFields {
  analystId: string;
  fte: string;
  startWeek: string;
  endWeek: string;
}

/** The ids of the form's fields; the keys are the API's input field names, for mapping its field paths. */
export const proposalFieldIds = {
  analystId: 'proposal-analyst',
  fte: 'proposal-fte',
  startWeek: 'proposal-start-week',
  endWeek: 'proposal-end-week',
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export interface ProposalInput {
  analystId: string;
  fte: number;
  startWeek: string;
  endWeek: string;
}

/** The input the API takes, or the problems that keep the form from being sent. */
export function readProposal(fields: ProposalFields): { input: ProposalInput; problems: [] } | { input: null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!fields.analystId) problems.push({ message: 'Choose an analyst', field: proposalFieldIds.analystId });
  const fte = Number(fields.fte.trim());
  if (!fields.fte.trim() || Number.isNaN(fte)) {
    problems.push({ message: 'Enter the time a week as a number of FTE, like 0.4', field: proposalFieldIds.fte });
  } else if (fte < 0.1 || fte > 1 || Math.abs(fte * 10 - Math.round(fte * 10)) > 1e-9) {
    problems.push({ message: 'Time a week must be between 0.1 and 1 FTE, in steps of 0.1', field: proposalFieldIds.fte });
  }
  if (!isoDate.test(fields.startWeek)) problems.push({ message: 'Enter the first week', field: proposalFieldIds.startWeek });
  if (!isoDate.test(fields.endWeek)) problems.push({ message: 'Enter the last week', field: proposalFieldIds.endWeek });
  else if (isoDate.test(fields.startWeek) && mondayOf(fields.endWeek) < mondayOf(fields.startWeek)) {
    problems.push({ message: 'The last week must be the same as or after the first week', field: proposalFieldIds.endWeek });
  }
  if (problems.length > 0) return { input: null, problems };
  // Any day stands for the week holding it; the API keeps weeks by their Monday.
  const input = { analystId: fields.analystId, fte: Math.round(fte * 10) / 10, startWeek: mondayOf(fields.startWeek), endWeek: mondayOf(fields.endWeek) };
  return { input, problems: [] };
}
