import type { PrismaClient } from '../db/client.ts';
import { hashPassword } from '../auth/password.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password-rules.ts';

export interface AdminBootstrap {
  email: string;
  password: string;
  icsName: string;
  icsCode: string;
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.ics.count()) === 0;
}

/** Creates the ICS and its first workforce lead on an empty database, in one transaction. */
export async function bootstrapAdmin(prisma: PrismaClient, admin: AdminBootstrap): Promise<{ icsId: string; userId: string }> {
  if (admin.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  const passwordHash = await hashPassword(admin.password);
  return prisma.$transaction(async (tx) => {
    const ics = await tx.ics.create({ data: { name: admin.icsName, code: admin.icsCode } });
    const user = await tx.user.create({
      data: { icsId: ics.id, email: admin.email.toLowerCase(), name: 'Workforce lead', passwordHash, role: 'WORKFORCE_LEAD' },
    });
    await tx.auditEvent.create({
      data: {
        icsId: ics.id,
        action: 'bootstrap.admin',
        entityType: 'User',
        entityId: user.id,
        after: { email: user.email, role: user.role, ics: ics.code },
      },
    });
    return { icsId: ics.id, userId: user.id };
  });
}
