import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/src/auth/password.ts';
import { setUserDisabled } from '../../api/src/services/users/accounts.ts';
import {
  ANALYSTS_WITHOUT_ACCOUNT,
  CHANGE_PASSWORD,
  CREATE_USER,
  RESET_USER_PASSWORD,
  SET_USER_DISABLED,
  signInWith,
  TEMPORARY_PASSWORD,
  UPDATE_USER_ACCESS,
  USER,
  USERS,
} from '../fixtures/account-operations.ts';
import { startAllocationScenarioApp } from '../fixtures/allocation-scenario.ts';
import { errorCodes, LOGIN, ME, type GraphqlResponse } from '../fixtures/api-client.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { databaseFingerprint } from '../support/database-fingerprint.ts';

// A workforce lead manages the accounts of their own ICS (Riverside): lists and filters them, creates them
// with a temporary password, changes roles, disables, enables and resets them. Every change is audited and
// every change of access signs the user out; Hillside's accounts are out of reach.

const setup = useScenarioApp(startAllocationScenarioApp, ({ scenario }) => ({ workforceLead: scenario.users.workforceLead }));

const PROTECTED = '{ analysts { totalCount } }';

const fieldMessages = (response: GraphqlResponse) => (response.errors ?? []).flatMap((error) => (error.extensions?.fields ?? []).map((field) => `${field.path.join('.')}: ${field.message}`));

const newLead = (overrides: Record<string, unknown> = {}) => ({
  email: 'new.lead@stbrigids.example',
  name: 'Nadia Lewis',
  role: 'ORGANISATION_LEAD',
  organisationId: setup.scenario.organisations.hospice.id,
  temporaryPassword: TEMPORARY_PASSWORD,
  ...overrides,
});

/** A user of Riverside made directly in the database, with the scenario password. */
async function riversideUser(email: string, role: 'WORKFORCE_LEAD' | 'ORGANISATION_LEAD' = 'ORGANISATION_LEAD') {
  const { ics, organisations } = setup.scenario;
  return setup.database.prisma.user.create({
    data: { icsId: ics.id, email, name: email.split('@')[0]!, role, organisationId: organisations.icb.id, passwordHash: await hashPassword(SCENARIO_PASSWORD) },
  });
}

/** Runs the request and checks it was refused with the code and wrote nothing. */
async function expectRefusedUnchanged(request: () => Promise<GraphqlResponse>, code: string): Promise<GraphqlResponse> {
  const before = await databaseFingerprint(setup.database.prisma);
  const response = await request();
  expect(errorCodes(response), response.text).toEqual([code]);
  expect(await databaseFingerprint(setup.database.prisma)).toBe(before);
  return response;
}

describe('the list of accounts', () => {
  it('shows the ICS’s users with role, organisation, linked analyst, state and last sign-in, by email', async () => {
    const response = await setup.clients.workforceLead.execute(USERS);
    expect(response.errors).toBeUndefined();
    const users = response.data!.users.edges.map(({ node }: { node: Record<string, any> }) => node);
    const emails = users.map((user: { email: string }) => user.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).not.toContain(setup.scenario.otherIcs.workforceLead.email);
    expect(users.find((user: { email: string }) => user.email === setup.scenario.users.hospiceAnalyst.email)).toMatchObject({
      role: 'ANALYST',
      disabled: false,
      passwordChangeRequired: false,
      organisation: { name: 'St Brigid’s Hospice' },
      analyst: { name: 'Aisha Khan' },
    });
    const wendy = users.find((user: { email: string }) => user.email === setup.scenario.users.workforceLead.email);
    expect(wendy.lastSignInAt, 'signed in before the tests').not.toBeNull();
  });

  it('filters by text in the email or name, role, organisation and state', async () => {
    const { organisations } = setup.scenario;
    const emailsFor = async (filter: Record<string, unknown>) =>
      (await setup.clients.workforceLead.execute(USERS, { filter })).data!.users.edges.map(({ node }: { node: { email: string } }) => node.email);
    expect(await emailsFor({ search: 'HARRIET' })).toEqual(['harriet.cole@stbrigids.example']);
    expect(await emailsFor({ search: 'riverside-icb' })).toEqual(['imran.qureshi@riverside-icb.example', 'wendy.lau@riverside-icb.example']);
    expect(await emailsFor({ role: 'ANALYST', organisationId: organisations.acuteTrust.id })).toEqual([
      'ben.okafor@riverside-hospitals.example',
      'chloe.adeyemi@riverside-hospitals.example',
    ]);
    expect(await emailsFor({ disabled: true })).toEqual([]);
  });

  it('is for workforce leads only, and another ICS’s user reads as unknown', async () => {
    const lead = await setup.signIn(setup.scenario.users.hospiceLead);
    expect(errorCodes(await lead.execute(USERS))).toEqual(['FORBIDDEN']);
    const other = await setup.clients.workforceLead.execute(USER, { id: setup.scenario.otherIcs.workforceLead.id });
    expect(other.errors).toBeUndefined();
    expect(other.data!.user).toBeNull();
  });
});

describe('creating an account', () => {
  it('creates an organisation lead with a normalised email, audited without the password, who must change it at first sign-in', async () => {
    const { prisma } = setup.database;
    const created = await setup.clients.workforceLead.execute(CREATE_USER, { input: newLead({ email: '  New.Lead@StBrigids.Example ' }) });

    expect(created.errors).toBeUndefined();
    expect(created.data!.createUser).toMatchObject({ email: 'new.lead@stbrigids.example', role: 'ORGANISATION_LEAD', passwordChangeRequired: true, disabled: false, lastSignInAt: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.create', entityId: created.data!.createUser.id } });
    expect(audit.actorId).toBe(setup.scenario.users.workforceLead.id);
    expect(JSON.stringify(audit.after)).not.toContain(TEMPORARY_PASSWORD);
    expect(audit.after).toMatchObject({ email: 'new.lead@stbrigids.example', role: 'ORGANISATION_LEAD', organisationId: setup.scenario.organisations.hospice.id });

    const newcomer = await signInWith(setup.app.yoga, 'NEW.LEAD@stbrigids.example', TEMPORARY_PASSWORD);
    expect(errorCodes(await newcomer.execute(PROTECTED))).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    const changed = await newcomer.execute(CHANGE_PASSWORD, { currentPassword: TEMPORARY_PASSWORD, newPassword: 'my own passphrase 2026' });
    expect(changed.data?.changePassword, changed.text).toEqual({ id: created.data!.createUser.id, passwordChangeRequired: false });
    expect(errorCodes(await newcomer.execute(PROTECTED))).toEqual([]);
  });

  it('creates an analyst’s account linked to an analyst of that organisation who had none', async () => {
    const { organisations, analysts } = setup.scenario;
    const lead = setup.clients.workforceLead;
    const without = async () => (await lead.execute(ANALYSTS_WITHOUT_ACCOUNT, { organisationId: organisations.communityTrust.id })).data!.analystsWithoutAccount;
    expect(await without()).toEqual([{ id: analysts.dev.id, name: 'Dev Sharma' }]);

    const created = await lead.execute(CREATE_USER, {
      input: newLead({ email: 'dev.sharma@northbank.example', name: 'Dev Sharma', role: 'ANALYST', organisationId: organisations.communityTrust.id, analystId: analysts.dev.id }),
    });

    expect(created.data?.createUser, created.text).toMatchObject({ role: 'ANALYST', organisation: { id: organisations.communityTrust.id }, analyst: { id: analysts.dev.id } });
    expect(await without()).toEqual([]);
  });

  it('refuses a taken email, whatever its case, and writes nothing', async () => {
    const response = await expectRefusedUnchanged(
      () => setup.clients.workforceLead.execute(CREATE_USER, { input: newLead({ email: 'Harriet.Cole@stbrigids.example' }) }),
      'VALIDATION_FAILED',
    );
    expect(fieldMessages(response)).toEqual(['input.email: An account with this email address already exists.']);
  });

  it('refuses a role without what it needs, an analyst already linked, elsewhere or in another ICS, and writes nothing', async () => {
    const { organisations, analysts, otherIcs } = setup.scenario;
    const cases: [Record<string, unknown>, string][] = [
      [{ organisationId: null }, 'input.organisationId: Choose the organisation this person works for.'],
      [{ organisationId: otherIcs.organisation.id }, 'input.organisationId: Choose an organisation of your ICS.'],
      [{ analystId: analysts.chloe.id }, 'input.analystId: Only an analyst’s account is linked to an analyst.'],
      [{ role: 'ANALYST' }, 'input.analystId: Choose the analyst this account is for.'],
      [{ role: 'ANALYST', organisationId: organisations.acuteTrust.id, analystId: analysts.chloe.id }, 'input.analystId: This analyst already has an account.'],
      [{ role: 'ANALYST', organisationId: organisations.hospice.id, analystId: analysts.chloe.id }, 'input.analystId: This analyst works for another organisation.'],
      [{ role: 'ANALYST', organisationId: otherIcs.organisation.id, analystId: otherIcs.analyst.id }, 'input.organisationId: Choose an organisation of your ICS.'],
    ];
    for (const [overrides, message] of cases) {
      const response = await expectRefusedUnchanged(
        () => setup.clients.workforceLead.execute(CREATE_USER, { input: newLead({ email: 'someone.else@stbrigids.example', ...overrides }) }),
        'VALIDATION_FAILED',
      );
      expect(fieldMessages(response)).toContain(message);
    }
  });

  it('refuses a malformed email, an empty name and a weak temporary password, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not an email' }, 'input.email: Enter an email address in the correct format, like name@example.org.'],
      [{ name: '   ' }, 'input.name: Enter the person’s name.'],
      [{ temporaryPassword: 'short' }, 'input.temporaryPassword: Enter a password of at least 12 characters.'],
      [{ email: 'long.enough.name@stbrigids.example', temporaryPassword: 'LONG.ENOUGH.NAME@stbrigids.example' }, 'input.temporaryPassword: Choose a password that is not the email address.'],
    ];
    for (const [overrides, message] of cases) {
      const response = await expectRefusedUnchanged(() => setup.clients.workforceLead.execute(CREATE_USER, { input: newLead({ email: 'third.person@stbrigids.example', ...overrides }) }), 'VALIDATION_FAILED');
      expect(fieldMessages(response)).toEqual([message]);
    }
  });
});

describe('changing an account’s access', () => {
  it('changes the role and organisation, audits before and after, and ends the user’s sessions', async () => {
    const { prisma } = setup.database;
    const { organisations } = setup.scenario;
    const target = await riversideUser('rosa.turner@riverside-icb.example');
    const signedIn = await setup.signIn(target);
    expect(errorCodes(await signedIn.execute(PROTECTED))).toEqual([]);

    const response = await setup.clients.workforceLead.execute(UPDATE_USER_ACCESS, {
      id: target.id,
      input: { role: 'ORGANISATION_LEAD', organisationId: organisations.acuteTrust.id },
    });

    expect(response.data?.updateUserAccess, response.text).toMatchObject({ role: 'ORGANISATION_LEAD', organisation: { id: organisations.acuteTrust.id } });
    expect(errorCodes(await signedIn.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.access', entityId: target.id } });
    expect(audit.before).toMatchObject({ organisationId: organisations.icb.id });
    expect(audit.after).toMatchObject({ organisationId: organisations.acuteTrust.id });
    const again = await setup.signIn(target);
    expect((await again.execute(ME)).data?.me.organisation).toEqual({ id: organisations.acuteTrust.id });
  });

  it('makes a lead a workforce lead', async () => {
    const target = await riversideUser('owen.price@riverside-icb.example');
    const response = await setup.clients.workforceLead.execute(UPDATE_USER_ACCESS, { id: target.id, input: { role: 'WORKFORCE_LEAD', organisationId: null } });
    expect(response.data?.updateUserAccess, response.text).toMatchObject({ role: 'WORKFORCE_LEAD', organisation: null });
  });

  it('refuses the workforce lead’s own account, and writes nothing', async () => {
    const self = setup.scenario.users.workforceLead;
    const response = await expectRefusedUnchanged(
      () => setup.clients.workforceLead.execute(UPDATE_USER_ACCESS, { id: self.id, input: { role: 'ORGANISATION_LEAD', organisationId: setup.scenario.organisations.icb.id } }),
      'OWN_ACCOUNT',
    );
    expect(response.errors![0]!.message).toBe('You cannot change the role of your own account; ask another workforce lead.');
  });

  it('refuses bad access without changing anything or signing anyone out', async () => {
    const target = setup.scenario.users.acuteLead;
    const signedIn = await setup.signIn(target);
    await expectRefusedUnchanged(() => setup.clients.workforceLead.execute(UPDATE_USER_ACCESS, { id: target.id, input: { role: 'ANALYST', organisationId: setup.scenario.organisations.acuteTrust.id } }), 'VALIDATION_FAILED');
    expect(errorCodes(await signedIn.execute(PROTECTED))).toEqual([]);
  });
});

describe('disabling and enabling an account', () => {
  it('disables: the user is signed out and cannot sign in; enabled again, they can', async () => {
    const target = await riversideUser('pat.dunn@riverside-icb.example');
    const signedIn = await setup.signIn(target);
    const lead = setup.clients.workforceLead;

    const disabled = await lead.execute(SET_USER_DISABLED, { id: target.id, disabled: true });

    expect(disabled.data?.setUserDisabled, disabled.text).toMatchObject({ disabled: true });
    expect(errorCodes(await signedIn.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    const refused = await signedIn.execute(LOGIN, { email: target.email, password: SCENARIO_PASSWORD });
    expect(errorCodes(refused)).toEqual(['INVALID_CREDENTIALS']);
    expect((await lead.execute(USERS, { filter: { disabled: true } })).data!.users.edges.map(({ node }: { node: { email: string } }) => node.email)).toEqual([target.email]);

    const enabled = await lead.execute(SET_USER_DISABLED, { id: target.id, disabled: false });
    expect(enabled.data?.setUserDisabled, enabled.text).toMatchObject({ disabled: false });
    await setup.signIn(target);
    expect(await setup.database.prisma.auditEvent.count({ where: { entityId: target.id, action: { in: ['user.disable', 'user.enable'] } } })).toBe(2);
  });

  it('refuses to disable your own account', async () => {
    const self = setup.scenario.users.workforceLead;
    const response = await expectRefusedUnchanged(() => setup.clients.workforceLead.execute(SET_USER_DISABLED, { id: self.id, disabled: true }), 'OWN_ACCOUNT');
    expect(response.errors![0]!.message).toBe('You cannot disable your own account; ask another workforce lead.');
  });

  it('keeps the last enabled workforce lead: one disabled a moment ago cannot disable the other', async () => {
    const { prisma } = setup.database;
    const wendy = setup.scenario.users.workforceLead;
    // Earlier tests made other workforce leads: Wendy is to be the only enabled one besides the colleague.
    await prisma.user.updateMany({ where: { icsId: wendy.icsId, role: 'WORKFORCE_LEAD', id: { not: wendy.id } }, data: { disabled: true } });
    const colleague = await riversideUser('quinn.ross@riverside-icb.example', 'WORKFORCE_LEAD');
    const colleagueClient = await setup.signIn(colleague);
    // The colleague's request is already under way (its viewer loaded) when Wendy disables them.
    const staleViewer = { userId: colleague.id, sessionId: 'in-flight', icsId: colleague.icsId, role: colleague.role, organisationId: colleague.organisationId, analystId: null };
    await setup.clients.workforceLead.execute(SET_USER_DISABLED, { id: colleague.id, disabled: true });

    const before = await databaseFingerprint(prisma);
    await expect(setUserDisabled(prisma, staleViewer, wendy.id, true)).rejects.toMatchObject({ code: 'LAST_WORKFORCE_LEAD' });
    expect(await databaseFingerprint(prisma)).toBe(before);
    expect(errorCodes(await colleagueClient.execute(SET_USER_DISABLED, { id: wendy.id, disabled: true }))).toEqual(['UNAUTHENTICATED']);
    expect(await prisma.user.count({ where: { icsId: wendy.icsId, role: 'WORKFORCE_LEAD', disabled: false } })).toBe(1);
  });

  it('does not enable the account of an analyst who has left', async () => {
    const { prisma } = setup.database;
    const { ics, organisations } = setup.scenario;
    const leaver = await prisma.analyst.create({
      data: { icsId: ics.id, organisationId: organisations.hospice.id, name: 'Lee Marsh', email: 'lee.marsh@stbrigids.example', jobTitle: 'Analyst', band: 'BAND_5', contractedFte: 1, pooledFte: 0.2, status: 'LEFT', leftAt: new Date('2026-11-02T00:00:00Z') },
    });
    const user = await prisma.user.create({
      data: { icsId: ics.id, email: leaver.email, name: leaver.name, role: 'ANALYST', organisationId: organisations.hospice.id, analystId: leaver.id, disabled: true, passwordHash: await hashPassword(SCENARIO_PASSWORD) },
    });
    await expectRefusedUnchanged(() => setup.clients.workforceLead.execute(SET_USER_DISABLED, { id: user.id, disabled: false }), 'INVALID_TRANSITION');
  });
});

describe('resetting a password', () => {
  it('sets a temporary password: the user is signed out, the old password stops working and the new one must be changed', async () => {
    const target = await riversideUser('sam.wells@riverside-icb.example');
    const signedIn = await setup.signIn(target);

    const response = await setup.clients.workforceLead.execute(RESET_USER_PASSWORD, { id: target.id, temporaryPassword: TEMPORARY_PASSWORD });

    expect(response.data?.resetUserPassword, response.text).toMatchObject({ passwordChangeRequired: true });
    expect(errorCodes(await signedIn.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await signedIn.execute(LOGIN, { email: target.email, password: SCENARIO_PASSWORD }))).toEqual(['INVALID_CREDENTIALS']);
    const again = await signInWith(setup.app.yoga, target.email, TEMPORARY_PASSWORD);
    expect(errorCodes(await again.execute(PROTECTED))).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    const audit = await setup.database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.password.reset', entityId: target.id } });
    expect(JSON.stringify(audit)).not.toContain(TEMPORARY_PASSWORD);
  });

  it('refuses a weak temporary password and your own account, and writes nothing', async () => {
    const target = setup.scenario.users.acuteLead;
    const weak = await expectRefusedUnchanged(() => setup.clients.workforceLead.execute(RESET_USER_PASSWORD, { id: target.id, temporaryPassword: 'too short' }), 'VALIDATION_FAILED');
    expect(fieldMessages(weak)).toEqual(['temporaryPassword: Enter a password of at least 12 characters.']);
    await expectRefusedUnchanged(
      () => setup.clients.workforceLead.execute(RESET_USER_PASSWORD, { id: setup.scenario.users.workforceLead.id, temporaryPassword: TEMPORARY_PASSWORD }),
      'OWN_ACCOUNT',
    );
  });
});

describe('another ICS’s accounts', () => {
  it('cannot be changed, disabled or reset by guessing their id: NOT_FOUND, as for an unknown id, and nothing changes', async () => {
    const hana = setup.scenario.otherIcs.workforceLead;
    const signedIn = await setup.signIn(hana);
    const lead = setup.clients.workforceLead;
    const attempts = [
      () => lead.execute(UPDATE_USER_ACCESS, { id: hana.id, input: { role: 'ANALYST', organisationId: null } }),
      () => lead.execute(UPDATE_USER_ACCESS, { id: hana.id, input: { role: 'WORKFORCE_LEAD' } }),
      () => lead.execute(SET_USER_DISABLED, { id: hana.id, disabled: true }),
      () => lead.execute(RESET_USER_PASSWORD, { id: hana.id, temporaryPassword: TEMPORARY_PASSWORD }),
    ];
    for (const attempt of attempts) {
      const response = await expectRefusedUnchanged(attempt, 'NOT_FOUND');
      expect(response.errors![0]!.message).toBe('User not found.');
    }
    expect(errorCodes(await signedIn.execute(ME))).toEqual([]);
    expect((await signedIn.execute(ME)).data?.me.email).toBe(hana.email);
  });
});
