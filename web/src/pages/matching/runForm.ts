import type { CombinedError } from 'urql';
import { addWeeksTo, isoDateOf, mondayOf } from '../../weeks.ts';

/** The form's fields; each id is also the id of its input, so the error summary can link to it. */
export const runFields = ['windowStart', 'windowEnd', 'alpha', 'beta', 'gamma', 'maxConcurrentRequests', 'developmentShareCap'] as const;
export type RunField = (typeof runFields)[number];

export interface RunProblem {
  message: string;
  field?: RunField;
}

export interface RunFormValues {
  windowStart: string;
  windowEnd: string;
  alpha: string;
  beta: string;
  gamma: string;
  maxConcurrentRequests: string;
  developmentShareCap: string;
}

/** The default window: from next week's Monday for the ICS's planning horizon, given as first and last Monday. */
export function defaultWindow(today: Date, horizonWeeks: number): { windowStart: string; windowEnd: string } {
  const windowStart = addWeeksTo(mondayOf(isoDateOf(today)), 1);
  return { windowStart, windowEnd: addWeeksTo(windowStart, horizonWeeks - 1) };
}

type PolicyKey = 'alpha' | 'beta' | 'gamma' | 'maxConcurrentRequests' | 'developmentShareCap';

/** What the browser can check before sending: dates given, numbers that are numbers. The rest is the server's. */
export function checkRunForm(values: RunFormValues): { problems: RunProblem[]; policy: Partial<Record<PolicyKey, number>> } {
  const problems: RunProblem[] = [];
  if (!values.windowStart) problems.push({ field: 'windowStart', message: 'Enter the first week of the window' });
  if (!values.windowEnd) problems.push({ field: 'windowEnd', message: 'Enter the last week of the window' });
  const policy: Partial<Record<PolicyKey, number>> = {};
  const labels: Record<PolicyKey, string> = {
    alpha: 'The equal share weight',
    beta: 'The reciprocity weight',
    gamma: 'The need weight',
    maxConcurrentRequests: 'Requests at once',
    developmentShareCap: 'The development share',
  };
  for (const key of Object.keys(labels) as PolicyKey[]) {
    const text = values[key].trim();
    if (!text) continue;
    const value = Number(text);
    if (Number.isFinite(value)) policy[key] = value;
    else problems.push({ field: key, message: `${labels[key]} must be a number` });
  }
  return { problems, policy };
}

/** The server's refusal in words: VALIDATION_FAILED field paths linked to their fields, anything else as text. */
export function serverProblems(error: CombinedError): RunProblem[] {
  const problems: RunProblem[] = [];
  for (const graphQLError of error.graphQLErrors) {
    const { code, fields } = graphQLError.extensions as { code?: string; fields?: { path: (string | number)[]; message: string }[] };
    if (code === 'VALIDATION_FAILED' && fields?.length) {
      for (const { path, message } of fields) {
        const last = String(path.at(-1));
        // A problem with the weights together (their sum) is about the first of them.
        const field = last === 'policy' ? 'alpha' : (runFields as readonly string[]).includes(last) ? (last as RunField) : undefined;
        problems.push({ field, message });
      }
    } else {
      problems.push({ message: graphQLError.message });
    }
  }
  if (problems.length === 0) problems.push({ message: 'Sorry, the service did not respond. Try again in a few minutes.' });
  return problems;
}
