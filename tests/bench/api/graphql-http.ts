export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Every request the benchmark sends, under load or not, carries these. */
export const GRAPHQL_HEADERS = { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' } as const;

const REQUEST_TIMEOUT_MS = 10_000;

export class GraphqlFailure extends Error {
  override name = 'GraphqlFailure';
}

/**
 * Posts one operation and returns its data, failing loudly on any GraphQL error or missing data. `send` is the
 * network by default; the statement counter passes the in-process app's fetch.
 */
export async function execute(
  endpoint: string,
  request: GraphqlRequest,
  cookie?: string,
  send: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<{ data: Record<string, unknown>; setCookies: string[] }> {
  const response = await send(endpoint, {
    method: 'POST',
    headers: { ...GRAPHQL_HEADERS, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const body = parse(text);
  if (!response.ok || !body?.data || body.errors?.length) {
    throw new GraphqlFailure(`HTTP ${response.status}: ${text.slice(0, 2_000)}`);
  }
  return { data: body.data, setCookies: response.headers.getSetCookie() };
}

function parse(text: string): GraphqlBody | null {
  try {
    return JSON.parse(text) as GraphqlBody;
  } catch {
    return null;
  }
}

const LOGIN = /* GraphQL */ `
  mutation BenchLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) { id }
  }
`;

/** Signs in and returns the Cookie header that carries the new session. */
export async function signIn(endpoint: string, email: string, password: string): Promise<string> {
  const { setCookies } = await execute(endpoint, { query: LOGIN, variables: { email, password } });
  const cookie = setCookies.map((setCookie) => setCookie.split(';')[0]?.trim() ?? '').filter((pair) => /^[^=]+=.+/.test(pair));
  if (cookie.length === 0) throw new GraphqlFailure(`Signing in as ${email} set no session cookie`);
  return cookie.join('; ');
}
