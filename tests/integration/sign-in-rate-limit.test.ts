import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../api/src/app.ts';
import { SIGN_IN_LIMITS } from '../../api/src/auth/password-attempt-limits.ts';
import { errorCodes, LOGIN, type GraphqlResponse } from '../fixtures/api-client.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// The counts live in the database, shared by every app on it; each test starts with none. The limiter's window
// runs on the real clock.
const setup = useScenarioApp(startScenarioApp);
const { perAccount, perAddress } = SIGN_IN_LIMITS;
const REFUSAL = { code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed attempts to sign in. Wait 15 minutes, then try again.' };

afterEach(async () => {
  vi.useRealTimers();
  await setup.database.prisma.signInThrottle.deleteMany();
});

function freshApp(trustProxy = false): App {
  return createApp({ prisma: setup.database.prisma, now: () => TEST_TODAY, trustProxy });
}

async function signIn(app: App, email: string, password: string, headers: Record<string, string> = {}): Promise<GraphqlResponse> {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ...JSON.parse(text) };
}

async function fail(app: App, email: string, times: number, headers: Record<string, string> = {}): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect(errorCodes(await signIn(app, email, 'not-the-password', headers))).toEqual(['INVALID_CREDENTIALS']);
  }
}

function expectRefused(result: GraphqlResponse): void {
  expect(result.errors?.map(({ message, extensions }) => ({ code: extensions?.code, message }))).toEqual([REFUSAL]);
  expect(result.status).toBe(429);
  expect(result.headers.get('retry-after')).toBe('900');
  expect(result.headers.getSetCookie()).toEqual([]);
  expect(JSON.parse(result.text)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'TOO_MANY_ATTEMPTS' } })] });
}

describe('sign-in rate limit per account', () => {
  it(`refuses the account after ${perAccount.failures} failures in ${perAccount.windowMinutes} minutes, even with the right password`, async () => {
    const app = freshApp();
    const { hospiceLead, acuteLead } = setup.scenario.users;
    await fail(app, hospiceLead.email, perAccount.failures - 1);
    expect(errorCodes(await signIn(app, hospiceLead.email, 'still-not-it'))).toEqual(['INVALID_CREDENTIALS']);

    expectRefused(await signIn(app, hospiceLead.email, SCENARIO_PASSWORD));
    expectRefused(await signIn(app, ` ${hospiceLead.email.toUpperCase()}`, SCENARIO_PASSWORD));
    expect(errorCodes(await signIn(app, acuteLead.email, SCENARIO_PASSWORD))).toEqual([]);
  });

  it('counts the guesses sent through every API process at once together, and stores neither the email nor the address', async () => {
    const [first, second] = [freshApp(), freshApp()];
    const { hospiceLead } = setup.scenario.users;
    const guesses = Array.from({ length: perAccount.failures + 3 }, (_, i) => signIn(i % 2 ? first : second, hospiceLead.email, `guess-${i}`));
    const codes = (await Promise.all(guesses)).flatMap(errorCodes).sort();
    expect(codes).toEqual([...Array(perAccount.failures).fill('INVALID_CREDENTIALS'), ...Array(3).fill('TOO_MANY_ATTEMPTS')]);
    expectRefused(await signIn(first, hospiceLead.email, SCENARIO_PASSWORD));
    expectRefused(await signIn(second, hospiceLead.email, SCENARIO_PASSWORD));

    const stored = JSON.stringify(await setup.database.prisma.signInThrottle.findMany(), (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
    expect(stored).not.toContain(hospiceLead.email);
    expect(stored).not.toContain('hospice');
  });

  it('refuses an unknown email exactly as a known one, so the refusal does not tell whether an account exists', async () => {
    const app = freshApp();
    await fail(app, setup.scenario.users.workforceLead.email, perAccount.failures);
    await fail(app, 'nobody@riverside.example', perAccount.failures);

    const known = await signIn(app, setup.scenario.users.workforceLead.email, 'guess');
    const unknown = await signIn(app, 'nobody@riverside.example', 'guess');

    expectRefused(known);
    expectRefused(unknown);
    expect(unknown.text).toBe(known.text);
  });

  it('counts failures only: signing in successfully clears the account’s count', async () => {
    const app = freshApp();
    const { acuteAnalyst } = setup.scenario.users;
    for (const _round of [1, 2, 3]) {
      await fail(app, acuteAnalyst.email, perAccount.failures - 1);
      expect(errorCodes(await signIn(app, acuteAnalyst.email, SCENARIO_PASSWORD))).toEqual([]);
    }
  });

  it('counts guesses sent at the same moment as they start, so they cannot all slip in before the first fails', async () => {
    const app = freshApp();
    const guesses = Array.from({ length: perAccount.failures + 3 }, (_, i) => signIn(app, setup.scenario.users.acuteLead.email, `guess-${i}`));

    const codes = (await Promise.all(guesses)).flatMap(errorCodes).sort();

    expect(codes).toEqual([...Array(perAccount.failures).fill('INVALID_CREDENTIALS'), ...Array(3).fill('TOO_MANY_ATTEMPTS')]);
  });

  it('counts aliased sign-ins in one operation together, so they cannot try many passwords at once', async () => {
    const app = freshApp();
    const guesses = Array.from({ length: perAccount.failures + 1 }, (_, i) => `g${i}: login(email: $email, password: "guess-${i}") { id }`);
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation Guesses($email: String!) { ${guesses.join(' ')} }`, variables: { email: setup.scenario.users.hospiceAnalyst.email } }),
    });
    const body = await response.json();

    expect(body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(body.data ?? null).toBeNull();
  });

  it(`allows the account again once its failures are ${perAccount.windowMinutes} minutes old`, async () => {
    const app = freshApp();
    const { hospiceAnalyst } = setup.scenario.users;
    vi.useFakeTimers({ toFake: ['Date'] });
    await fail(app, hospiceAnalyst.email, perAccount.failures);
    expectRefused(await signIn(app, hospiceAnalyst.email, SCENARIO_PASSWORD));

    vi.setSystemTime(Date.now() + perAccount.windowMinutes * 60_000);

    expect(errorCodes(await signIn(app, hospiceAnalyst.email, SCENARIO_PASSWORD))).toEqual([]);
  });
});

describe('sign-in rate limit per client address', () => {
  const from = (address: string) => ({ 'x-forwarded-for': `10.0.0.9, ${address}` });

  it(`refuses an address after ${perAddress.failures} failures across accounts; other addresses are unaffected`, async () => {
    const app = freshApp(true);
    for (let account = 0; account < perAddress.failures / 4; account += 1) await fail(app, `guess-${account}@riverside.example`, 4, from('203.0.113.7'));

    expectRefused(await signIn(app, setup.scenario.users.acuteLead.email, SCENARIO_PASSWORD, from('203.0.113.7')));
    expect(errorCodes(await signIn(app, setup.scenario.users.acuteLead.email, SCENARIO_PASSWORD, from('198.51.100.2')))).toEqual([]);
  });

  it('never limits successful sign-ins, however many share an address', async () => {
    const app = freshApp(true);
    const { users } = setup.scenario;
    const people = [users.workforceLead, users.hospiceLead, users.acuteLead, users.hospiceAnalyst, users.acuteAnalyst];
    for (let round = 0; round <= perAddress.failures / people.length; round += 1) {
      for (const person of people) expect(errorCodes(await signIn(app, person.email, SCENARIO_PASSWORD, from('203.0.113.9')))).toEqual([]);
    }
  });

  it('takes the address the trusted proxy appended to X-Forwarded-For, not what the client wrote before it', async () => {
    const app = freshApp(true);
    for (let account = 0; account < perAddress.failures / 4; account += 1) {
      await fail(app, `spoof-${account}@riverside.example`, 4, { 'x-forwarded-for': `192.0.2.${account}, 203.0.113.8` });
    }
    expectRefused(await signIn(app, setup.scenario.users.acuteLead.email, SCENARIO_PASSWORD, { 'x-forwarded-for': '192.0.2.200, 203.0.113.8' }));
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, so a client cannot pick a new address for each guess', async () => {
    const app = freshApp(false);
    for (let account = 0; account < perAddress.failures / 4; account += 1) {
      await fail(app, `forged-${account}@riverside.example`, 4, { 'x-forwarded-for': `198.51.100.${account}` });
    }
    expectRefused(await signIn(app, setup.scenario.users.acuteLead.email, SCENARIO_PASSWORD, { 'x-forwarded-for': '198.51.100.99' }));
  });
});
