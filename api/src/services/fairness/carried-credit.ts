import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

/**
 * FTE-weeks of fairness credit each organisation carries into matching, keyed by organisation id.
 *
 * The rule: when a period closes, each organisation's balance is frozen as
 * `balance = contribution − received` (pooled FTE-weeks its analysts gave to the pool minus FTE-weeks it
 * received from it) and it carries `creditCarried = max(0, balance)` into the next period only. Credit does
 * not accumulate across periods and a net taker carries nothing (it is not penalised twice: its low
 * reciprocity already shows in its contribution). The credit in force is that of the most recently closed
 * period (the one ending last); organisations with no credit are absent from the map. Matching adds it to
 * the organisation's contribution in the reciprocity term of the weight (`OrganisationInput.credit`).
 */
export async function carriedCreditByOrganisation(
  prisma: PrismaClient | Prisma.TransactionClient,
  icsId: string,
): Promise<Map<string, number>> {
  const latest = await prisma.fairnessPeriod.findFirst({
    where: { icsId },
    orderBy: { endWeek: 'desc' },
    select: { balances: { where: { creditCarried: { gt: 0 } }, select: { organisationId: true, creditCarried: true } } },
  });
  return new Map((latest?.balances ?? []).map((row) => [row.organisationId, row.creditCarried.toNumber()]));
}
