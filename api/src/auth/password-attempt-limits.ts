import { createHash, randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { useRateLimiter, type Identity, type Store } from '@envelop/rate-limiter';
import { getFieldIdentity } from '@envelop/rate-limiter/get-graphql-rate-limiter';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { TooManyAttemptsError } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { clientAddress } from './client-address.ts';
import { normaliseEmail } from './email.ts';

/** Failed sign-ins allowed in a sliding window, per account (the email as typed, normalised) and per client address. */
export const SIGN_IN_LIMITS = {
  perAccount: { failures: 5, windowMinutes: 15 },
  perAddress: { failures: 20, windowMinutes: 15 },
} as const;

/** Wrong current passwords allowed per signed-in user when changing their password, so a borrowed session cannot guess it. */
export const PASSWORD_CHANGE_LIMIT = { failures: 5, windowMinutes: 15 } as const;

const SIGN_IN_FIELD = 'login';
const PASSWORD_CHANGE_FIELD = 'changePassword';

// @envelop/rate-limiter counts every call of a field, as it starts. Only failures should count, or a lead who
// signs in on a few devices would lock themself out; so a sign-in that succeeds is taken off the counts again
// (signInSucceeded), as is a password change that succeeds or fails on anything but the current password
// (passwordChangeSettled). Counting at the start means concurrent guesses cannot all slip in before the first fails.
// The counts live in PostgreSQL, so several API processes behind one address count the same attempts.

/**
 * Attempt times per identity, one row each in "SignInThrottle" under a SHA-256 of the identity (the email or
 * the client address is not stored as such), dropped once no attempt is left in the window.
 *
 * The limiter reads an identity's attempts, decides, then writes them back: two processes (or two requests in
 * one) doing that at once would each miss the other's attempt. So the read records the attempt in the same
 * statement, under the row's lock, unless the limit is already reached (a refused attempt does not count), and
 * the write has nothing left to do. Each attempt is stored in microseconds with a random last three digits, so
 * the read can tell its own attempt from one made in the same millisecond.
 */
class AttemptStore implements Store {
  private lastSweep = Date.now();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly limit: Limit,
  ) {}

  private get windowMs(): number {
    return this.limit.windowMinutes * 60_000;
  }

  async getForIdentity({ fieldIdentity }: Identity): Promise<readonly number[]> {
    const now = Date.now();
    const attempt = BigInt(now) * 1000n + BigInt(randomInt(1000));
    const since = BigInt(now - this.windowMs) * 1000n;
    const [row] = await this.prisma.$queryRaw<{ attemptTimes: bigint[] }[]>`
      INSERT INTO "SignInThrottle" AS throttle ("key", "attemptTimes") VALUES (${keyOf(fieldIdentity)}, ARRAY[${attempt}::bigint])
      ON CONFLICT ("key") DO UPDATE SET "attemptTimes" = (
        WITH recent AS (SELECT ARRAY(SELECT t FROM unnest(throttle."attemptTimes") AS t WHERE t > ${since} ORDER BY t) AS times)
        SELECT CASE WHEN cardinality(times) < ${this.limit.failures} THEN times || ${attempt}::bigint ELSE times END FROM recent
      )
      RETURNING "attemptTimes"`;
    return (row?.attemptTimes ?? []).filter((time) => time !== attempt).map((time) => Number(time / 1000n));
  }

  async setForIdentity(): Promise<void> {
    await this.sweep();
  }

  /** Forgets every attempt of the identity. */
  async clear(fieldIdentity: string): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ${keyOf(fieldIdentity)}`;
  }

  /** Takes one attempt of the identity (the latest) off its count. */
  async forgiveOne(fieldIdentity: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE "SignInThrottle" SET "attemptTimes" = "attemptTimes"[1:cardinality("attemptTimes") - 1]
      WHERE "key" = ${keyOf(fieldIdentity)}`;
  }

  /** Now and then, drops the identities with no attempt left in the window. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const since = BigInt(now - this.windowMs) * 1000n;
    await this.prisma.$executeRaw`
      DELETE FROM "SignInThrottle" WHERE coalesce("attemptTimes"[cardinality("attemptTimes")], 0) <= ${since}`;
  }
}

const keyOf = (fieldIdentity: string) => createHash('sha256').update(fieldIdentity).digest('hex');

/** The key the limiter uses for a field that has its own identifyFn. */
function fieldIdentityOf(field: string, identifier: string): string {
  return getFieldIdentity(field, ['identifier'], { identifier });
}

/** Served by node:http, the context carries the incoming message; yoga.fetch in tests has none. */
type ServerContext = { req?: IncomingMessage };
type LimitedContext = YogaInitialContext & ServerContext & { viewer?: { userId: string } | null };
type Limit = { failures: number; windowMinutes: number };

interface Forgiveness {
  signIn: (email: string) => Promise<void>;
  passwordChange: (userId: string, outcome: PasswordChangeOutcome) => Promise<void>;
}

/** How a password change ended when it did not fail on the current password. */
export type PasswordChangeOutcome = 'succeeded' | 'refusedForAnotherReason';

const forgivenessByRequest = new WeakMap<Request, Forgiveness>();

function forgivenessOf(request: Request): Forgiveness {
  const forgiveness = forgivenessByRequest.get(request);
  if (!forgiveness) throw new Error('usePasswordAttemptLimits is not installed.');
  return forgiveness;
}

/** Tells the limiter that the sign-in attempt of this request succeeded, so it does not count as a failure. */
export async function signInSucceeded(request: Request, email: string): Promise<void> {
  await forgivenessOf(request).signIn(email);
}

/**
 * Tells the limiter how the password change of this request ended: only a wrong current password counts
 * as a failure; success clears the user's count.
 */
export async function passwordChangeSettled(request: Request, userId: string, outcome: PasswordChangeOutcome): Promise<void> {
  await forgivenessOf(request).passwordChange(userId, outcome);
}

/**
 * Refuses `login` with TOO_MANY_ATTEMPTS once an account or a client address has had too many recent
 * failures, before the password is looked at; unknown emails count like known ones, so the refusal says
 * nothing about whether an account exists. Refuses `changePassword` likewise once the signed-in user has given
 * a wrong current password too often.
 */
export function usePasswordAttemptLimits({ prisma, trustProxy }: { prisma: PrismaClient; trustProxy: boolean }): Plugin<ServerContext> {
  const accounts = new AttemptStore(prisma, SIGN_IN_LIMITS.perAccount);
  const addresses = new AttemptStore(prisma, SIGN_IN_LIMITS.perAddress);
  const passwordChanges = new AttemptStore(prisma, PASSWORD_CHANGE_LIMIT);
  const addressOf = (context: LimitedContext) => clientAddress(context.request, context.req, trustProxy);
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(limiter(accounts, SIGN_IN_LIMITS.perAccount, SIGN_IN_FIELD, (_context, args) => normaliseEmail(String(args.email ?? ''))));
      addPlugin(limiter(addresses, SIGN_IN_LIMITS.perAddress, SIGN_IN_FIELD, addressOf));
      addPlugin(limiter(passwordChanges, PASSWORD_CHANGE_LIMIT, PASSWORD_CHANGE_FIELD, (context) => context.viewer?.userId ?? ''));
    },
    onContextBuilding({ context }) {
      forgivenessByRequest.set(context.request, {
        signIn: async (email) => {
          await accounts.clear(fieldIdentityOf(SIGN_IN_FIELD, normaliseEmail(email)));
          await addresses.forgiveOne(fieldIdentityOf(SIGN_IN_FIELD, addressOf(context)));
        },
        passwordChange: async (userId, outcome) => {
          const identity = fieldIdentityOf(PASSWORD_CHANGE_FIELD, userId);
          await (outcome === 'succeeded' ? passwordChanges.clear(identity) : passwordChanges.forgiveOne(identity));
        },
      });
    },
  };
}

function limiter(store: AttemptStore, limit: Limit, field: string, identify: (context: LimitedContext, args: Record<string, unknown>) => string) {
  return useRateLimiter({
    identifyFn: () => field,
    store,
    transformError: () => new TooManyAttemptsError(limit.windowMinutes * 60, field === SIGN_IN_FIELD ? 'sign in' : 'change your password'),
    configByField: [
      {
        type: 'Mutation',
        field,
        identifyFn: (context, args) => identify(context as LimitedContext, args),
        max: limit.failures,
        window: `${limit.windowMinutes}m`,
        // A refused attempt does not push the end of the wait further away.
        uncountRejected: true,
      },
    ],
  }) as Plugin<ServerContext>;
}
