import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/src/app.ts';
import { loadViewer } from '../../api/src/auth/session.ts';
import type { SessionSettings } from '../../api/src/auth/session-settings.ts';
import { ApiClient, errorCodes, LOGIN, ME } from '../fixtures/api-client.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

let statements = 0;
const setup = useScenarioApp(() => startScenarioApp({ onQuery: () => (statements += 1) }));
const MINUTE = 60_000;
const PROTECTED = '{ analysts { totalCount } }';

/** The app over the scenario with a clock the test moves, and the given session settings. */
function appWithClock(options: { sessions?: SessionSettings; trustProxy?: boolean } = {}) {
  const clock = { now: TEST_TODAY };
  const app = createApp({ prisma: setup.database.prisma, now: () => clock.now, ...options });
  const later = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * MINUTE);
  };
  return { app, clock, later };
}

async function signedIn(app: ReturnType<typeof createApp>, user: { email: string }, origin?: string): Promise<ApiClient> {
  return new ApiClient(app.yoga, origin).signInAs(user);
}

async function sessionCount(userId: string): Promise<number> {
  return setup.database.prisma.session.count({ where: { userId } });
}

async function loginCookie(origin: string, headers: Record<string, string> = {}, options: { trustProxy?: boolean; sessions?: SessionSettings } = {}) {
  const { app } = appWithClock(options);
  const response = await app.yoga.fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { email: setup.scenario.users.hospiceLead.email, password: SCENARIO_PASSWORD } }),
  });
  return response.headers.getSetCookie()[0]!;
}

describe('the session cookie (its other attributes: api-auth.test.ts)', () => {
  it('believes X-Forwarded-Proto: https only from a trusted proxy', async () => {
    expect(await loginCookie('http://pool.internal', { 'x-forwarded-proto': 'https' }, { trustProxy: true })).toMatch(/^__Host-ap_session=.*; Secure/);
    expect(await loginCookie('http://pool.internal', { 'x-forwarded-proto': 'https' }, { trustProxy: false })).toMatch(/^ap_session=/);
  });

  it('has a Max-Age of the configured absolute limit', async () => {
    const cookie = await loginCookie('https://pool.example', {}, { sessions: { idleMinutes: 10, absoluteHours: 2 } });
    expect(cookie).toContain('Max-Age=7200');
  });
});

describe('session lifetime', () => {
  it('keeps a used session alive past the idle limit, then ends it after 30 idle minutes and deletes its row', async () => {
    const { app, later } = appWithClock();
    const user = setup.scenario.users.acuteAnalyst;
    const client = await signedIn(app, user);
    const before = await sessionCount(user.id);

    for (let step = 0; step < 4; step += 1) {
      later(25);
      expect((await client.execute(ME)).data?.me?.id, `after ${(step + 1) * 25} minutes`).toBe(user.id);
    }
    later(30);

    expect(errorCodes(await client.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(await sessionCount(user.id)).toBe(before - 1);
    expect((await client.execute(ME)).data?.me).toBeNull();
  });

  it('is still valid one minute before the idle limit', async () => {
    const { app, later } = appWithClock();
    const client = await signedIn(app, setup.scenario.users.hospiceAnalyst);
    later(29);
    expect(errorCodes(await client.execute(PROTECTED))).toEqual([]);
  });

  it('ends a session at its absolute limit however busy it is', async () => {
    const { app, later } = appWithClock({ sessions: { idleMinutes: 30, absoluteHours: 1 } });
    const user = setup.scenario.users.hospiceLead;
    const client = await signedIn(app, user);
    const before = await sessionCount(user.id);

    for (const _ of [1, 2]) {
      later(20);
      expect(errorCodes(await client.execute(PROTECTED))).toEqual([]);
    }
    later(19);
    expect(errorCodes(await client.execute(PROTECTED))).toEqual([]);
    later(1);

    expect(errorCodes(await client.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(await sessionCount(user.id)).toBe(before - 1);
  });

  it('keeps the limits a session started with when the settings change', async () => {
    const short = appWithClock({ sessions: { idleMinutes: 5, absoluteHours: 1 } });
    const client = await signedIn(short.app, setup.scenario.users.acuteLead);
    const session = await setup.database.prisma.session.findFirstOrThrow({ where: { userId: setup.scenario.users.acuteLead.id }, orderBy: { createdAt: 'desc' } });

    expect(session).toMatchObject({
      idleTimeoutSeconds: 300,
      createdAt: TEST_TODAY,
      expiresAt: new Date(TEST_TODAY.getTime() + 5 * MINUTE),
      absoluteExpiresAt: new Date(TEST_TODAY.getTime() + 60 * MINUTE),
    });
    short.later(6);
    expect((await client.execute(ME)).data?.me).toBeNull();
  });

  it('deletes sessions past their absolute limit when anyone next signs in', async () => {
    const { app, later } = appWithClock({ sessions: { idleMinutes: 30, absoluteHours: 1 } });
    await signedIn(app, setup.scenario.users.workforceLead);
    const abandoned = await sessionCount(setup.scenario.users.workforceLead.id);
    later(61);

    await signedIn(app, setup.scenario.users.hospiceAnalyst);

    expect(await sessionCount(setup.scenario.users.workforceLead.id)).toBe(abandoned - 1);
  });
});

describe('the cost of a session', () => {
  it('is one SQL statement a request, and one more at most once a minute to slide the idle limit', async () => {
    const { app } = appWithClock();
    const client = await signedIn(app, setup.scenario.users.workforceLead);
    const token = client.cookieHeader().split('=')[1]!;
    const statementsAt = async (minutes: number) => {
      statements = 0;
      expect(await loadViewer(setup.database.prisma, token, new Date(TEST_TODAY.getTime() + minutes * MINUTE))).not.toBeNull();
      return statements;
    };

    expect([await statementsAt(0), await statementsAt(0.5), await statementsAt(1), await statementsAt(1.5), await statementsAt(2)]).toEqual([1, 1, 2, 1, 2]);
  });
});
