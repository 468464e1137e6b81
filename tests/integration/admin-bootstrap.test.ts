import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { bootstrapAdmin, isDatabaseEmpty } from '../../api/src/services/bootstrap.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

// ADMIN_EMAIL + ADMIN_PASSWORD on an empty database: an ICS and its first workforce lead, who can sign in.
const admin = { email: 'Lead@Riverside-ICS.example', password: 'correct horse battery', icsName: 'Riverside ICS', icsCode: 'RVICS' };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('empty');
});
afterAll(() => database.drop());

describe('admin bootstrap', () => {
  it('refuses a short password and writes nothing', async () => {
    await expect(bootstrapAdmin(database.prisma, { ...admin, password: 'short' })).rejects.toThrow(/at least 12 characters/);
    expect(await isDatabaseEmpty(database.prisma)).toBe(true);
  });

  it('creates the ICS and a workforce lead who can sign in, with an audit event', async () => {
    const { icsId, userId } = await bootstrapAdmin(database.prisma, admin);

    expect(await isDatabaseEmpty(database.prisma)).toBe(false);
    expect(await database.prisma.ics.findUniqueOrThrow({ where: { id: icsId } })).toMatchObject({ name: 'Riverside ICS', code: 'RVICS' });
    expect(await database.prisma.auditEvent.count({ where: { icsId, action: 'bootstrap.admin', entityId: userId } })).toBe(1);

    const client = new ApiClient(createApp({ prisma: database.prisma }).yoga);
    const result = await client.execute<{ login: { role: string; ics: { code: string } } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { role ics { code } } }',
      { email: admin.email, password: admin.password },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.login).toEqual({ role: 'WORKFORCE_LEAD', ics: { code: 'RVICS' } });
  });
});
