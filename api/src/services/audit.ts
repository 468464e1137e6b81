import type { Prisma } from '../generated/prisma/client.ts';

export interface AuditEntry {
  icsId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Records who changed what; call it with the transaction client of the change itself. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry });
}
