import autocannon from 'autocannon';
import { GRAPHQL_HEADERS, type GraphqlRequest } from './graphql-http.ts';
import { withTimeout } from './teardown.ts';

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx responses whose body carries GraphQL errors. */
  graphqlErrors: number;
}

export const WARM_UP_SECONDS = 1;
const REQUEST_TIMEOUT_SECONDS = 10;
/** Latency samples kept per run; far above what a loopback run of two minutes produces. */
const MAX_SAMPLES = 5_000_000;

/**
 * Warms up, then holds `connections` busy for the duration and measures every response. Connection i signs
 * its requests with `cookies[i % cookies.length]`: one cookie is one user's session shared by every
 * connection, several are several people.
 */
export async function runLoad(endpoint: string, request: GraphqlRequest, cookies: readonly string[], settings: LoadSettings): Promise<LoadResult> {
  await cannon(endpoint, request, cookies, { ...settings, durationSeconds: WARM_UP_SECONDS }, () => {});
  const latencies: number[] = [];
  const result = await cannon(endpoint, request, cookies, settings, (milliseconds) => {
    if (latencies.length < MAX_SAMPLES) latencies.push(milliseconds);
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    requestsPerSecond: round(result.duration > 0 ? result.requests.total / result.duration : 0, 1),
    latencyMs: { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2), p99: round(percentile(latencies, 99), 2) },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
  };
}

function cannon(
  endpoint: string,
  request: GraphqlRequest,
  cookies: readonly string[],
  { connections, durationSeconds }: LoadSettings,
  onLatency: (milliseconds: number) => void,
): Promise<autocannon.Result> {
  let instance: autocannon.Instance | undefined;
  let connection = 0;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: endpoint,
        method: 'POST',
        headers: { ...GRAPHQL_HEADERS, cookie: cookies[0]! },
        setupClient: (client) => {
          client.setHeaders({ ...GRAPHQL_HEADERS, cookie: cookies[connection % cookies.length]! });
          connection += 1;
        },
        body: JSON.stringify(request),
        connections,
        duration: durationSeconds,
        timeout: REQUEST_TIMEOUT_SECONDS,
        verifyBody: (body) => !String(body).includes('"errors"'),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _statusCode, _bytes, milliseconds) => onLatency(milliseconds));
  });
  const limit = (durationSeconds + REQUEST_TIMEOUT_SECONDS + 20) * 1000;
  return withTimeout(finished, limit, 'A load run').finally(() => instance?.stop());
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}
