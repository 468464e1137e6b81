import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Plugin } from 'graphql-yoga';

// The built web client loads only its own script and stylesheet; React sets style props through the
// CSSOM, which style-src does not govern. NHS.UK frontend's stylesheet takes its Frutiger font from
// assets.nhs.uk, and Vite inlines small icons as data: URLs.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' https://assets.nhs.uk",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

// GraphiQL (development only) is one HTML page of inline scripts that loads its editor from unpkg.
const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data: https://raw.githubusercontent.com",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self' https://unpkg.com",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Sets the security headers on a response before anything else writes it; every response gets them. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, { trustProxy }: { trustProxy: boolean }): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (isHttps(req, trustProxy)) res.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
}

/**
 * Served over HTTPS: on a TLS socket, or, only when a reverse proxy in front is trusted to set it, as its
 * X-Forwarded-Proto says (the first value, the client's side of the first proxy).
 */
function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  return trustProxy && forwardedAsHttps(Array.isArray(forwarded) ? forwarded[0] : forwarded);
}

/** Whether an X-Forwarded-Proto value says https, by its first entry (the client's side of the first proxy). */
export function forwardedAsHttps(forwardedProto: string | null | undefined): boolean {
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** GraphiQL's page gets the policy it needs in place of the web client's. */
export function useGraphiqlContentSecurityPolicy(): Plugin {
  return {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        response.headers.set('content-security-policy', GRAPHIQL_CONTENT_SECURITY_POLICY);
      }
    },
  };
}
