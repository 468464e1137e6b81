import type { IncomingMessage } from 'node:http';
import { useRateLimiter, type Identity, type Store } from '@envelop/rate-limiter';
import { getFieldIdentity } from '@envelop/rate-limiter/get-graphql-rate-limiter';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { TooManyAttemptsError } from '../errors.ts';
import { clientAddress } from './client-address.ts';
import { normaliseEmail } from './email.ts';

/** Failed sign-ins allowed in a sliding window, per account (the email as typed, normalised) and per client address. */
export const SIGN_IN_LIMITS = {
  perAccount: { failures: 5, windowMinutes: 15 },
  perAddress: { failures: 20, windowMinutes: 15 },
} as const;

const SIGN_IN_FIELD = 'login';

// @envelop/rate-limiter counts every call of a field, as it starts. Only failures should count, or a lead who
// signs in on a few devices would lock themself out; so a sign-in that succeeds is taken off the counts again
// (signInSucceeded). Counting at the start means concurrent guesses cannot all slip in before the first fails.
// The counts live in this process's memory: with several API processes each keeps its own.

/** Attempt timestamps per identity; the limiter drops those older than its window when it writes. */
class AttemptStore implements Store {
  private readonly attempts = new Map<string, readonly number[]>();
  private lastSweep = Date.now();

  constructor(private readonly windowMs: number) {}

  getForIdentity({ fieldIdentity }: Identity): readonly number[] {
    return this.attempts.get(fieldIdentity) ?? [];
  }

  setForIdentity({ fieldIdentity }: Identity, timestamps: readonly number[]): void {
    this.attempts.set(fieldIdentity, timestamps);
    this.sweep();
  }

  /** Forgets every attempt of the identifier. */
  clear(identifier: string): void {
    this.attempts.delete(fieldIdentityOf(identifier));
  }

  /** Takes one attempt of the identifier off its count. */
  forgiveOne(identifier: string): void {
    const key = fieldIdentityOf(identifier);
    this.attempts.set(key, (this.attempts.get(key) ?? []).slice(0, -1));
  }

  /** Now and then, drops the identities with no attempt left in the window, so memory follows recent traffic. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, timestamps] of this.attempts) {
      if (timestamps.every((timestamp) => timestamp + this.windowMs <= now)) this.attempts.delete(key);
    }
  }
}

/** The key the limiter uses for a field that has its own identifyFn. */
function fieldIdentityOf(identifier: string): string {
  return getFieldIdentity(SIGN_IN_FIELD, ['identifier'], { identifier });
}

/** Served by node:http, the context carries the incoming message; yoga.fetch in tests has none. */
type ServerContext = { req?: IncomingMessage };
type LimitedContext = YogaInitialContext & ServerContext;
type Limit = { failures: number; windowMinutes: number };

const successByRequest = new WeakMap<Request, (email: string) => void>();

/** Tells the limiter that the sign-in attempt of this request succeeded, so it does not count as a failure. */
export function signInSucceeded(request: Request, email: string): void {
  const forgive = successByRequest.get(request);
  if (!forgive) throw new Error('useSignInRateLimit is not installed.');
  forgive(email);
}

/**
 * Refuses `login` with TOO_MANY_ATTEMPTS once an account or a client address has had too many recent
 * failures, before the password is looked at; unknown emails count like known ones, so the refusal says
 * nothing about whether an account exists.
 */
export function useSignInRateLimit({ trustProxy }: { trustProxy: boolean }): Plugin<ServerContext> {
  const accounts = new AttemptStore(SIGN_IN_LIMITS.perAccount.windowMinutes * 60_000);
  const addresses = new AttemptStore(SIGN_IN_LIMITS.perAddress.windowMinutes * 60_000);
  const addressOf = (context: LimitedContext) => clientAddress(context.request, context.req, trustProxy);
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(limiter(accounts, SIGN_IN_LIMITS.perAccount, (_context, args) => normaliseEmail(String(args.email ?? ''))));
      addPlugin(limiter(addresses, SIGN_IN_LIMITS.perAddress, addressOf));
    },
    onContextBuilding({ context }) {
      successByRequest.set(context.request, (email) => {
        accounts.clear(normaliseEmail(email));
        addresses.forgiveOne(addressOf(context));
      });
    },
  };
}

function limiter(store: AttemptStore, limit: Limit, identify: (context: LimitedContext, args: Record<string, unknown>) => string) {
  return useRateLimiter({
    identifyFn: () => SIGN_IN_FIELD,
    store,
    transformError: () => new TooManyAttemptsError(limit.windowMinutes * 60),
    configByField: [
      {
        type: 'Mutation',
        field: SIGN_IN_FIELD,
        identifyFn: (context, args) => identify(context as LimitedContext, args),
        max: limit.failures,
        window: `${limit.windowMinutes}m`,
        // A refused attempt does not push the end of the wait further away.
        uncountRejected: true,
      },
    ],
  }) as Plugin<ServerContext>;
}
