import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { PrismaClient } from './generated/prisma/client.ts';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './auth/session-settings.ts';
import { DEFAULT_RETENTION_MONTHS_AFTER_LEAVING } from './config.ts';
import { usePasswordChangeGate } from './auth/password-change-gate.ts';
import { usePasswordAttemptLimits } from './auth/password-attempt-limits.ts';
import { useReadResponseCache } from './cache/response-cache.ts';
import { createContext, takeResponseCookies, type Context } from './context.ts';
import { asDatabaseUnavailable, isDatabaseUnavailable } from './db/unavailable.ts';
import { withRouteErrorResponses } from './http/route-errors.ts';
import { useGraphqlLimits } from './http/graphql-limits.ts';
import { useNoNulCharacters } from './http/nul-characters.ts';
import { usePersistedWebOperations, type PersistedOperationStore } from './http/persisted-operations.ts';
import { setSecurityHeaders, useGraphiqlContentSecurityPolicy } from './http/security-headers.ts';
import { schema } from './schema/index.ts';
import { isCalendarPath, loggablePath, useCalendarFeed } from './services/careers/calendar-route.ts';
import { useInsightExports } from './services/insight/export-route.ts';

const GRAPHQL_PATH = '/graphql';
/** Browsers cannot send a custom header cross-site without a CORS preflight, which this server never grants. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface AppOptions {
  prisma: PrismaClient;
  logger?: Logger;
  /** The built web client; served at every path other than /graphql when the directory exists. */
  webDistDir?: string;
  /** The current time; tests pass a fixed clock so week-based rules are reproducible. */
  now?: () => Date;
  /** Production: no introspection, no GraphiQL, and only persisted operations run. */
  production?: boolean;
  /** The web client's operations by hash (dist/web/persisted-operations.json); required in production. */
  persistedOperations?: PersistedOperationStore;
  /** Believe X-Forwarded-Proto: the server sits behind a reverse proxy that sets it. */
  trustProxy?: boolean;
  /** Idle and absolute session limits (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). */
  sessions?: SessionSettings;
  /** Months after leaving before a leaver is anonymised (RETENTION_MONTHS_AFTER_LEAVING), for the dates the API shows. */
  retentionMonthsAfterLeaving?: number;
}

type ServerContext = { req: IncomingMessage; res: ServerResponse };

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createApp(options: AppOptions): App {
  const { prisma, logger, webDistDir, now = () => new Date(), production = false, persistedOperations, trustProxy = false, sessions = DEFAULT_SESSION_SETTINGS, retentionMonthsAfterLeaving = DEFAULT_RETENTION_MONTHS_AFTER_LEAVING } = options;
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: !production,
    landingPage: false,
    context: ({ request }) => createContext(prisma, request, now, { sessions, trustProxy, retentionMonthsAfterLeaving }),
    plugins: [
      // CSV downloads of the insight reports (/export/*.csv) for the session's user: read-only GETs a
      // browser follows as links, so they come before the CSRF header check that guards operations.
      withRouteErrorResponses(useInsightExports(prisma, now), logger),
      // Analysts' calendar feeds (/calendar/<secret>.ics): fetched by calendar apps, the secret URL is the credential.
      withRouteErrorResponses(useCalendarFeed(prisma, now), logger),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useResponseCookies(),
      useNoNulCharacters(),
      usePasswordAttemptLimits({ prisma, trustProxy }),
      ...operationGuards(options),
      usePasswordChangeGate(),
      // Answers read-only page queries again from memory while the database is unchanged.
      useReadResponseCache(),
    ],
    maskedErrors: {
      // Never in development mode: a masked error must not carry the original error or its stack.
      maskError: (error, message) => {
        if (isDatabaseUnavailable(error)) {
          logger?.warn({ err: error }, 'The database is unavailable');
          return asDatabaseUnavailable(error);
        }
        const masked = maskError(error, message, false);
        if (masked !== error) logger?.error({ err: error }, 'Unexpected error in a GraphQL operation');
        return masked;
      },
    },
    logging: logger ? yogaLogger(logger) : false,
  });

  const webRoot = webDistDir && existsSync(path.join(webDistDir, 'index.html')) ? path.resolve(webDistDir) : null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    setSecurityHeaders(req, res, { trustProxy });
    if (logger) logRequest(logger, req, res, pathname);
    if (pathname === GRAPHQL_PATH || pathname.startsWith(`${GRAPHQL_PATH}/`) || pathname.startsWith('/export/') || isCalendarPath(pathname) || !webRoot) {
      void yoga(req, res);
      return;
    }
    serveWebClient(webRoot, pathname, req, res);
  };

  return { yoga, handler };
}

/** Which operations may run, and how big they may be. */
function operationGuards({ production = false, persistedOperations }: AppOptions): Plugin[] {
  const guards: Plugin[] = [useGraphqlLimits()];
  if (persistedOperations || production) {
    guards.push(usePersistedWebOperations(persistedOperations ?? new Map(), { onlyPersisted: production }));
  }
  if (production) guards.push(useNoIntrospection());
  else guards.push(useGraphiqlContentSecurityPolicy());
  return guards;
}

function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** One structured line per request, under an id that is also returned in `x-request-id`. */
function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  const started = performance.now();
  res.once('finish', () => {
    const entry = { requestId, method: req.method, path: loggablePath(pathname), status: res.statusCode, ms: Math.round(performance.now() - started) };
    if (pathname === GRAPHQL_PATH) logger.info(entry, 'request');
    else logger.debug(entry, 'request');
  });
}

function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of takeResponseCookies(request)) response.headers.append('set-cookie', cookie);
    },
  };
}

function yogaLogger(logger: Logger) {
  return {
    debug: (...args: unknown[]) => logger.debug({ args }, 'graphql-yoga'),
    info: (...args: unknown[]) => logger.info({ args }, 'graphql-yoga'),
    warn: (...args: unknown[]) => logger.warn({ args }, 'graphql-yoga'),
    error: (...args: unknown[]) => logger.error({ args }, 'graphql-yoga'),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Files as they are; any other path without a file extension is a client-side route, so index.html. */
function serveWebClient(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path.resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) {
    res.writeHead(404).end();
    return;
  }
  if (isFile(file)) {
    sendFile(file, req, res, file.startsWith(path.join(root, 'assets') + path.sep));
  } else if (path.extname(relative) === '') {
    sendFile(path.join(root, 'index.html'), req, res, false);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function sendFile(file: string, req: IncomingMessage, res: ServerResponse, fingerprinted: boolean): void {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // Built assets carry a content hash in their name; everything else must be revalidated.
    'cache-control': fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
