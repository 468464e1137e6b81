import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from: the TCP peer, or behind a trusted reverse proxy (TRUST_PROXY) the last
 * address in X-Forwarded-For, which that proxy appended; earlier entries are the client's own claims.
 */
export function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  return forwarded || req?.socket.remoteAddress || 'unknown';
}
