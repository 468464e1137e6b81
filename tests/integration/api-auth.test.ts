import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient, errorCodes, LOGIN, LOGOUT, ME } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

function sessionTokenFrom(setCookie: string): string {
  return setCookie.split(';')[0]!.split('=')[1]!;
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for 12 hours, storing only the hash of its token', async () => {
    const client = new ApiClient(setup.app.yoga);
    const result = await client.execute(LOGIN, { email: setup.scenario.users.hospiceLead.email, password: SCENARIO_PASSWORD });

    expect(result.errors).toBeUndefined();
    expect(result.data?.login).toEqual({ id: setup.scenario.users.hospiceLead.id, email: setup.scenario.users.hospiceLead.email, role: 'ORGANISATION_LEAD' });
    const [setCookie] = result.headers.getSetCookie();
    expect(setCookie).toMatch(/^ap_session=[\w-]{43}; /);
    // No Secure over plain http (browsers would drop the cookie), and so no __Host- prefix, which requires it.
    expect(setCookie!.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Lax']);

    const token = sessionTokenFrom(setCookie!);
    const sessions = await setup.database.prisma.session.findMany({ where: { userId: setup.scenario.users.hospiceLead.id } });
    expect(sessions.map((session) => session.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(sessions.map((session) => session.tokenHash)).not.toContain(token);
  });

  it('uses a Secure __Host- cookie over https, with Path=/ and no Domain as the prefix requires', async () => {
    const client = new ApiClient(setup.app.yoga, 'https://pool.example');
    const result = await client.execute(LOGIN, { email: setup.scenario.users.hospiceLead.email, password: SCENARIO_PASSWORD });

    const [setCookie] = result.headers.getSetCookie();
    expect(setCookie).toMatch(/^__Host-ap_session=[\w-]{43}; /);
    expect(setCookie!.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Lax', 'Secure']);
    expect((await client.execute(ME)).data?.me.id).toBe(setup.scenario.users.hospiceLead.id);
  });

  it('authenticates `me` with the cookie it set', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const { data, errors } = await client.execute(ME);

    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({
      id: setup.scenario.users.hospiceAnalyst.id,
      email: setup.scenario.users.hospiceAnalyst.email,
      name: 'Aisha Khan',
      role: 'ANALYST',
      organisation: { id: setup.scenario.organisations.hospice.id },
      analyst: { id: setup.scenario.analysts.hospiceAnalyst.id },
      ics: { id: setup.scenario.ics.id },
    });
  });

  it('revokes the session the browser already held when signing in again', async () => {
    const client = await setup.signIn(setup.scenario.users.acuteLead);
    const firstCookie = client.cookieHeader();
    await client.signInAs(setup.scenario.users.acuteLead);

    const stale = await setup.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: firstCookie },
      body: JSON.stringify({ query: ME }),
    });
    expect((await stale.json()).data.me).toBeNull();
    expect((await client.execute(ME)).data?.me.id).toBe(setup.scenario.users.acuteLead.id);
  });

  it('gives the same INVALID_CREDENTIALS error, word for word, for a wrong password, an unknown email and a disabled user', async () => {
    const { prisma } = setup.database;
    const disabled = await prisma.user.create({
      data: {
        icsId: setup.scenario.ics.id,
        email: 'former.lead@riverside.example',
        name: 'Former Lead',
        role: 'ORGANISATION_LEAD',
        passwordHash: (await prisma.user.findUniqueOrThrow({ where: { id: setup.scenario.users.hospiceLead.id } })).passwordHash,
        disabled: true,
      },
    });
    const client = new ApiClient(setup.app.yoga);
    const refusals = [
      await client.execute(LOGIN, { email: setup.scenario.users.hospiceLead.email, password: 'not-the-password' }),
      await client.execute(LOGIN, { email: 'nobody@riverside.example', password: SCENARIO_PASSWORD }),
      await client.execute(LOGIN, { email: disabled.email, password: SCENARIO_PASSWORD }),
    ];

    for (const refusal of refusals) {
      expect(refusal.errors).toEqual([{ message: 'Email address or password is incorrect.', path: ['login'], locations: expect.any(Array), extensions: { code: 'INVALID_CREDENTIALS' } }]);
      expect(refusal.data).toBeNull();
      expect(refusal.status).toBe(refusals[0]!.status);
      expect(refusal.headers.getSetCookie()).toEqual([]);
    }
  });

  it('matches the email whatever its case and surrounding spaces, and stores emails in lower case only', async () => {
    const client = new ApiClient(setup.app.yoga);
    const result = await client.execute(LOGIN, { email: `  ${setup.scenario.users.hospiceLead.email.toUpperCase()} `, password: SCENARIO_PASSWORD });
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.id).toBe(setup.scenario.users.hospiceLead.id);

    const mixedCase = setup.database.prisma.user.create({
      data: { icsId: setup.scenario.ics.id, email: 'Mixed.Case@riverside.example', name: 'Mixed Case', passwordHash: 'x', role: 'ANALYST' },
    });
    await expect(mixedCase).rejects.toThrow(/User_email_lowercase_check/);
  });
});

describe('sessions', () => {
  it('logout deletes the session and clears the cookie, so the old cookie no longer authenticates', async () => {
    const client = await setup.signIn(setup.scenario.users.workforceLead);
    const cookie = client.cookieHeader();
    const before = await setup.database.prisma.session.count({ where: { userId: setup.scenario.users.workforceLead.id } });

    const result = await client.execute(LOGOUT);

    expect(result.data).toEqual({ logout: true });
    expect(result.headers.getSetCookie()[0]).toMatch(/^ap_session=; .*Max-Age=0/);
    expect(await setup.database.prisma.session.count({ where: { userId: setup.scenario.users.workforceLead.id } })).toBe(before - 1);
    const replay = await setup.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: ME }),
    });
    expect((await replay.json()).data.me).toBeNull();
  });

  it('answers a protected field without a session with UNAUTHENTICATED', async () => {
    const result = await new ApiClient(setup.app.yoga).execute('{ analysts { totalCount } }');
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeNull();
  });

  it('answers `me` without a session with null', async () => {
    const result = await new ApiClient(setup.app.yoga).execute(ME);
    expect(result).toMatchObject({ data: { me: null } });
    expect(result.errors).toBeUndefined();
  });
});
