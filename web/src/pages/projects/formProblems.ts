import type { CombinedError } from 'urql';
import type { Problem, Problems } from '../allocations/problems.ts';

/** The id of the field a server path points at: ["input", "requiredSkills", 1, "level"] → "requiredSkills-1-level". */
export function fieldId(path: readonly (string | number)[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('-');
}

/**
 * The server's refusal of a project or request form, each field problem linked to the field it names.
 * `what` names the record in the stale-version message, e.g. "request"; `fieldOfCode` links other refusals
 * to the field they are about.
 */
export function formProblemsOf(error: CombinedError, what: string, fieldOfCode: Record<string, string> = {}): Problems {
  if (error.networkError || error.graphQLErrors.length === 0) {
    return { problems: [{ message: 'Sorry, the service did not respond. Check your connection and try again.' }], stale: false };
  }
  const problems: Problem[] = [];
  let stale = false;
  for (const graphQLError of error.graphQLErrors) {
    const { code, fields } = graphQLError.extensions as { code?: string; fields?: { path: (string | number)[]; message: string }[] };
    if (code === 'VALIDATION_FAILED' && fields) {
      problems.push(...fields.map(({ path, message }) => ({ message, field: fieldId(path) })));
    } else if (code === 'STALE_VERSION') {
      stale = true;
      problems.push({ message: `Someone else changed this ${what} while you were looking at it. Reload it to see their changes, then try again.` });
    } else {
      problems.push({ message: graphQLError.message, field: code ? fieldOfCode[code] : undefined });
    }
  }
  return { problems, stale };
}
