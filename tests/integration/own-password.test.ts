import { describe, expect, it } from 'vitest';
import { PASSWORD_CHANGE_LIMIT } from '../../api/src/auth/password-attempt-limits.ts';
import { hashPassword } from '../../api/src/auth/password.ts';
import { CHANGE_PASSWORD, signInWith, TEMPORARY_PASSWORD } from '../fixtures/account-operations.ts';
import { ApiClient, errorCodes, LOGIN, LOGOUT, type GraphqlResponse } from '../fixtures/api-client.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';

// Every signed-in user changes their own password; someone signed in with a temporary password must do so
// before anything else.

const setup = useScenarioApp(startScenarioApp);

const PROTECTED = '{ analysts { totalCount } }';
const NEW_PASSWORD = 'a long new passphrase';

const fieldMessages = (response: GraphqlResponse) => (response.errors ?? []).flatMap((error) => (error.extensions?.fields ?? []).map((field) => `${field.path.join('.')}: ${field.message}`));

/** A Riverside user made directly in the database, signing in with the password given. */
async function userWith(email: string, password: string, passwordChangeRequired = false) {
  const { ics, organisations } = setup.scenario;
  return setup.database.prisma.user.create({
    data: { icsId: ics.id, email, name: 'Tess Young', role: 'ORGANISATION_LEAD', organisationId: organisations.hospice.id, passwordHash: await hashPassword(password), passwordChangeRequired },
  });
}

describe('changing your own password', () => {
  it('replaces it, ends your other sessions and keeps this one, and is audited', async () => {
    const user = await userWith('tess.young@stbrigids.example', SCENARIO_PASSWORD);
    const here = await setup.signIn(user);
    const elsewhere = await setup.signIn(user);

    const response = await here.execute(CHANGE_PASSWORD, { currentPassword: SCENARIO_PASSWORD, newPassword: NEW_PASSWORD });

    expect(response.data?.changePassword, response.text).toEqual({ id: user.id, passwordChangeRequired: false });
    expect(errorCodes(await here.execute(PROTECTED))).toEqual([]);
    expect(errorCodes(await elsewhere.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await new ApiClient(setup.app.yoga).execute(LOGIN, { email: user.email, password: SCENARIO_PASSWORD }))).toEqual(['INVALID_CREDENTIALS']);
    await signInWith(setup.app.yoga, user.email, NEW_PASSWORD);
    const audit = await setup.database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.password.change', entityId: user.id } });
    expect(audit.actorId).toBe(user.id);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password as INVALID_CREDENTIALS and changes nothing', async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    const before = await databaseFingerprint(setup.database.prisma);
    const response = await lead.execute(CHANGE_PASSWORD, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(response.errors).toMatchObject([{ message: 'Your current password is incorrect.', extensions: { code: 'INVALID_CREDENTIALS' } }]);
    expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
  });

  it(`refuses further tries after ${PASSWORD_CHANGE_LIMIT.failures} wrong current passwords, counting nothing else`, async () => {
    const user = await userWith('rhys.owen@stbrigids.example', SCENARIO_PASSWORD);
    const client = await setup.signIn(user);
    const attempt = (currentPassword: string, newPassword = NEW_PASSWORD) => client.execute(CHANGE_PASSWORD, { currentPassword, newPassword });

    // Refused new passwords do not count, however many.
    for (let refusal = 0; refusal < PASSWORD_CHANGE_LIMIT.failures + 1; refusal += 1) {
      expect(errorCodes(await attempt(SCENARIO_PASSWORD, 'too short'))).toEqual(['VALIDATION_FAILED']);
    }
    for (let guess = 0; guess < PASSWORD_CHANGE_LIMIT.failures; guess += 1) {
      expect(errorCodes(await attempt(`guess ${guess}`))).toEqual(['INVALID_CREDENTIALS']);
    }
    const refused = await attempt(SCENARIO_PASSWORD);
    expect(refused.errors).toMatchObject([
      { message: `Too many failed attempts to change your password. Wait ${PASSWORD_CHANGE_LIMIT.windowMinutes} minutes, then try again.`, extensions: { code: 'TOO_MANY_ATTEMPTS' } },
    ]);
    await signInWith(setup.app.yoga, user.email, SCENARIO_PASSWORD);
  });

  it('refuses a new password that is short, the email or the current one, and changes nothing', async () => {
    const lead = setup.scenario.users.hospiceLead;
    const client = await setup.signIn(lead);
    const cases: [string, string][] = [
      ['eleven char', 'newPassword: Enter a password of at least 12 characters.'],
      [` ${lead.email.toUpperCase()} `, 'newPassword: Choose a password that is not the email address.'],
      [SCENARIO_PASSWORD, 'newPassword: Choose a new password that is different from your current one.'],
    ];
    for (const [newPassword, message] of cases) {
      const before = await databaseFingerprint(setup.database.prisma);
      const response = await client.execute(CHANGE_PASSWORD, { currentPassword: SCENARIO_PASSWORD, newPassword });
      expect(errorCodes(response)).toEqual(['VALIDATION_FAILED']);
      expect(fieldMessages(response)).toEqual([message]);
      expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
    }
  });

  it('needs you to be signed in', async () => {
    const response = await new ApiClient(setup.app.yoga).execute(CHANGE_PASSWORD, { currentPassword: SCENARIO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('signed in with a temporary password', () => {
  it('may only see who they are, sign out and change the password: everything else is PASSWORD_CHANGE_REQUIRED', async () => {
    const user = await userWith('uma.vance@stbrigids.example', TEMPORARY_PASSWORD, true);
    const client = await signInWith(setup.app.yoga, user.email, TEMPORARY_PASSWORD);

    expect((await client.execute('{ me { email passwordChangeRequired } }')).data?.me).toEqual({ email: user.email, passwordChangeRequired: true });
    const refused = [
      PROTECTED,
      '{ me { id } organisations { totalCount } }',
      'mutation { createProject(input: { title: "Audit", purpose: "Purpose." }) { id } }',
    ];
    for (const document of refused) {
      const before = await databaseFingerprint(setup.database.prisma);
      const response = await client.execute(document);
      expect(response.errors, document).toMatchObject([{ message: 'Change your temporary password before you do anything else.', extensions: { code: 'PASSWORD_CHANGE_REQUIRED' } }]);
      expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
    }
    const download = await setup.app.yoga.fetch('http://localhost/export/fairness.csv', { headers: { cookie: client.cookieHeader() } });
    expect(download.status).toBe(403);

    const changed = await client.execute(CHANGE_PASSWORD, { currentPassword: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.data?.changePassword, changed.text).toEqual({ id: user.id, passwordChangeRequired: false });
    expect(errorCodes(await client.execute(PROTECTED))).toEqual([]);
  });

  it('may sign out', async () => {
    const user = await userWith('vic.wade@stbrigids.example', TEMPORARY_PASSWORD, true);
    const client = await signInWith(setup.app.yoga, user.email, TEMPORARY_PASSWORD);
    expect(errorCodes(await client.execute(LOGOUT))).toEqual([]);
    expect(await setup.database.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
