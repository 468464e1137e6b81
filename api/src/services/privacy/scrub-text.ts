import { Prisma } from '../../generated/prisma/client.ts';

/**
 * The free-text and JSON columns where a person's name or email can be written about them by others or by
 * the service: explanations, audit before/after, decline reasons, feedback, matching run details, and the
 * titles and descriptions of projects and requests. People's own name and email columns are not listed:
 * those are replaced on the person's row, and another person of the same name keeps theirs.
 */
const FREE_TEXT_COLUMNS: Record<string, { text: string[]; json: string[] }> = {
  AuditEvent: { text: [], json: ['before', 'after'] },
  Allocation: { text: ['declineReason'], json: ['explanation'] },
  MatchingRun: { text: ['error'], json: ['policy', 'solverStats', 'metrics', 'baselineMetrics'] },
  Feedback: { text: ['comment'], json: [] },
  Request: { text: ['title', 'description'], json: [] },
  Project: { text: ['title', 'purpose', 'expectedBenefit'], json: [] },
};

/** A regular expression matching `text` literally (PostgreSQL ARE: a backslash before a non-alphanumeric is literal). */
function literalPattern(text: string): string {
  return text.replace(/[^\p{L}\p{N} ]/gu, (character) => `\\${character}`);
}

/** How a string is written inside JSON text, without the quotes. */
function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Replaces every occurrence of `secret` (any letter case) with `replacement` in the ICS's free-text and JSON
 * columns: one UPDATE per table, touching only the rows that contain it.
 */
export async function scrubFreeText(tx: Prisma.TransactionClient, icsId: string, secret: string, replacement: string): Promise<void> {
  const plain = { pattern: literalPattern(secret), replacement };
  const json = { pattern: literalPattern(inJson(secret)), replacement: inJson(replacement) };
  for (const [table, columns] of Object.entries(FREE_TEXT_COLUMNS)) {
    const targets = [
      ...columns.text.map((column) => ({ column: Prisma.raw(`"${column}"`), cast: Prisma.empty, back: Prisma.empty, ...plain })),
      ...columns.json.map((column) => ({ column: Prisma.raw(`"${column}"`), cast: Prisma.raw('::text'), back: Prisma.raw('::jsonb'), ...json })),
    ];
    const assignments = targets.map(
      ({ column, cast, back, pattern, replacement: by }) => Prisma.sql`${column} = regexp_replace(${column}${cast}, ${pattern}, ${by}, 'gi')${back}`,
    );
    const matches = targets.map(({ column, cast, pattern }) => Prisma.sql`${column}${cast} ~* ${pattern}`);
    await tx.$executeRaw`
      UPDATE ${Prisma.raw(`"${table}"`)} SET ${Prisma.join(assignments)}
      WHERE "icsId" = ${icsId}::uuid AND (${Prisma.join(matches, ' OR ')})`;
  }
}
