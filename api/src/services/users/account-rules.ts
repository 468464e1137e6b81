import type { Prisma } from '../../generated/prisma/client.ts';
import type { Role } from '../../generated/prisma/enums.ts';
import { passwordProblems } from '../../auth/password-rules.ts';
import { LastWorkforceLeadError, ValidationFailedError, type FieldIssue } from '../../errors.ts';

/** Who a user is in the ICS: a workforce lead (optionally of an organisation), a lead of an organisation, or one of its analysts. */
export interface AccountAccess {
  role: Role;
  organisationId?: string | null;
  analystId?: string | null;
}

export interface CheckedAccess {
  role: Role;
  organisationId: string | null;
  analystId: string | null;
}

/**
 * Checks a role with its organisation and analyst against the ICS: the organisation must be one of its
 * own (another ICS's reads as unknown), organisation leads and analysts need one, and an analyst's account
 * is linked to an analyst of that organisation, still in the pool, who has no other account.
 */
export async function checkAccess(
  tx: Prisma.TransactionClient,
  icsId: string,
  { role, organisationId = null, analystId = null }: AccountAccess,
  userId: string | null,
): Promise<CheckedAccess> {
  const issues: FieldIssue[] = [];
  if (organisationId) {
    const organisation = await tx.organisation.findFirst({ where: { id: organisationId, icsId }, select: { id: true } });
    if (!organisation) issues.push({ path: ['input', 'organisationId'], message: 'Choose an organisation of your ICS.' });
  } else if (role !== 'WORKFORCE_LEAD') {
    issues.push({ path: ['input', 'organisationId'], message: 'Choose the organisation this person works for.' });
  }
  if (role !== 'ANALYST' && analystId) {
    issues.push({ path: ['input', 'analystId'], message: 'Only an analyst’s account is linked to an analyst.' });
  }
  if (role === 'ANALYST') issues.push(...(await analystIssues(tx, icsId, organisationId, analystId, userId)));
  if (issues.length > 0) throw new ValidationFailedError(issues);
  return { role, organisationId, analystId: role === 'ANALYST' ? analystId : null };
}

async function analystIssues(
  tx: Prisma.TransactionClient,
  icsId: string,
  organisationId: string | null,
  analystId: string | null,
  userId: string | null,
): Promise<FieldIssue[]> {
  const path = ['input', 'analystId'];
  if (!analystId) return [{ path, message: 'Choose the analyst this account is for.' }];
  const analyst = await tx.analyst.findFirst({
    where: { id: analystId, icsId },
    select: { organisationId: true, status: true, user: { select: { id: true } } },
  });
  if (!analyst) return [{ path, message: 'Choose an analyst of your ICS.' }];
  if (analyst.status !== 'ACTIVE') return [{ path, message: 'This analyst has left the pool.' }];
  if (organisationId && analyst.organisationId !== organisationId) return [{ path, message: 'This analyst works for another organisation.' }];
  if (analyst.user && analyst.user.id !== userId) return [{ path, message: 'This analyst already has an account.' }];
  return [];
}

/** A temporary password a workforce lead sets, held to the same rules as one a user chooses. */
export function checkTemporaryPassword(password: string, email: string, path: string[]): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) throw new ValidationFailedError(problems.map((message) => ({ path, message })));
}

/**
 * Serialises changes to an ICS's accounts, so two workforce leads disabling each other at the same moment
 * cannot both succeed and leave the ICS with none.
 */
export async function lockAccounts(tx: Prisma.TransactionClient, icsId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`accounts:${icsId}`}))`;
}

/** Refuses a change that takes away the ICS's last enabled workforce lead; call it after lockAccounts. */
export async function keepAWorkforceLead(tx: Prisma.TransactionClient, icsId: string, leavingUserId: string): Promise<void> {
  const others = await tx.user.count({ where: { icsId, role: 'WORKFORCE_LEAD', disabled: false, id: { not: leavingUserId } } });
  if (others === 0) throw new LastWorkforceLeadError();
}

/** What the audit log keeps of an account: never its password or hash. */
export function accountSnapshot(user: { email: string; name: string; role: Role; organisationId: string | null; analystId: string | null; disabled: boolean }) {
  const { email, name, role, organisationId, analystId, disabled } = user;
  return { email, name, role, organisationId, analystId, disabled };
}

export const ACCOUNT_FIELDS = {
  id: true,
  icsId: true,
  email: true,
  name: true,
  role: true,
  organisationId: true,
  analystId: true,
  disabled: true,
} as const satisfies Prisma.UserSelect;
