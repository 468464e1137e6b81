import type { CombinedError } from 'urql';
import { dateLabel, fteLabel } from '../../format.ts';

/** Something to put right before a form can be sent, linked to its field when it has one. */
export interface Problem {
  message: string;
  /** The id of the field the problem is about. */
  field?: string;
  /** Further lines, e.g. the weeks an analyst has no time in. */
  details?: string[];
}

export interface Problems {
  problems: Problem[];
  /** Someone else changed the record meanwhile (STALE_VERSION): the form should offer to reload it. */
  stale: boolean;
}

interface ServerError {
  code?: string;
  fields?: { path: (string | number)[]; message: string }[];
  /** ANALYST_OVER_CAPACITY: each analyst without the time (confirming several proposals may name several). */
  analysts?: { analyst: string; weeks: { week: string; remainingFte: number; requestedFte: number }[] }[];
  reasons?: string[];
}

/**
 * The server's refusal in words, field problems linked to their fields. `fieldIds` maps the last
 * segment of a VALIDATION_FAILED path (e.g. "fte") to the id of the field that sets it.
 */
export function problemsOf(error: CombinedError, fieldIds: Record<string, string> = {}): Problems {
  if (error.networkError || error.graphQLErrors.length === 0) {
    return { problems: [{ message: 'Sorry, the service did not respond. Check your connection and try again.' }], stale: false };
  }
  const problems: Problem[] = [];
  let stale = false;
  for (const graphQLError of error.graphQLErrors) {
    const extensions = graphQLError.extensions as ServerError;
    switch (extensions.code) {
      case 'VALIDATION_FAILED':
        for (const { path, message } of extensions.fields ?? [{ path: [], message: graphQLError.message }]) {
          problems.push({ message, field: fieldIds[String(path.at(-1))] });
        }
        break;
      case 'ANALYST_OVER_CAPACITY':
        for (const { analyst, weeks } of extensions.analysts ?? []) {
          problems.push({
            message: `${analyst} does not have the time`,
            field: fieldIds['fte'],
            details: weeks.map(
              ({ week, remainingFte, requestedFte }) =>
                `Week of ${dateLabel(week)}: ${fteLabel(remainingFte)} left, ${fteLabel(requestedFte)} asked`,
            ),
          });
        }
        break;
      case 'SKILL_REQUIREMENT_NOT_MET':
        problems.push({ message: graphQLError.message.split(':')[0] ?? graphQLError.message, field: fieldIds['analystId'], details: extensions.reasons });
        break;
      case 'STALE_VERSION':
        stale = true;
        problems.push({ message: 'Someone else changed this allocation while you were looking at it. Reload it to see the changes, then try again.' });
        break;
      default:
        problems.push({ message: graphQLError.message });
    }
  }
  return { problems, stale };
}
