import type { Prisma } from '../../generated/prisma/client.ts';
import type { CellAt } from './cells.ts';

/** Lookups every importer needs: organisations by name or ODS code, skills by name (case-insensitive). */
export interface Reference {
  organisations: Map<string, { id: string; name: string }>;
  skillIds: Map<string, string>;
}

export async function loadReference(tx: Prisma.TransactionClient, icsId: string): Promise<Reference> {
  // One after the other: a transaction is one connection, and queries on it cannot overlap.
  const organisations = await tx.organisation.findMany({ where: { icsId }, select: { id: true, name: true, odsCode: true } });
  const skills = await tx.skill.findMany({ where: { icsId }, select: { id: true, name: true } });
  const organisationKeys = new Map<string, { id: string; name: string }>();
  for (const organisation of organisations) {
    organisationKeys.set(organisation.name.toLowerCase(), organisation);
    organisationKeys.set(organisation.odsCode.toLowerCase(), organisation);
  }
  return { organisations: organisationKeys, skillIds: new Map(skills.map((skill) => [skill.name.toLowerCase(), skill.id])) };
}

/** An organisation named in a cell by name or ODS code; organisation leads may only name their own. */
export function organisationCell(
  value: string,
  reference: Reference,
  ownOrganisationId: string | null,
  at: CellAt,
): { id: string; name: string } | null {
  const organisation = reference.organisations.get(value.trim().toLowerCase());
  if (!organisation) return at.problems.add(at.row, at.column, `"${value}" is not an organisation in this ICS (use its name or ODS code).`);
  if (ownOrganisationId && organisation.id !== ownOrganisationId) {
    return at.problems.add(at.row, at.column, `You can import rows for your own organisation only, not ${organisation.name}.`);
  }
  return organisation;
}
