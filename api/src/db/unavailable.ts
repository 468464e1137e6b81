import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, DomainError } from '../errors.ts';

// Recognises the errors that mean "PostgreSQL cannot be reached right now", as opposed to a bug or a
// constraint: Prisma's connection error codes, the driver adapter's connection kinds, PostgreSQL's
// connection and shutdown SQLSTATEs, socket errors, and node-postgres' own messages for a dropped connection.
// Seen in practice: P1001 (server stopped), P2010 with 57P01 (server shutting down, backend terminated),
// and a plain "Connection terminated unexpectedly" (backend killed mid-query).

/** P1001 cannot reach, P1002 timed out, P1017 server closed the connection, P2024 no pooled connection in time. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
/** Class 08 connection exception; 57P01–57P03 shutdown and start-up; 53300 too many connections. */
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
const DRIVER_MESSAGES = /Connection terminated|Client has encountered a connection error|Connection ended unexpectedly|timeout exceeded when trying to connect/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || current instanceof DomainError || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, originalCode, message, cause, originalError, meta } = current as Record<string, unknown>;
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof originalCode === 'string' && SQLSTATE.test(originalCode)) return true;
    if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
    // node-postgres raises these as plain Errors; other errors' messages may quote user input.
    if (Object.getPrototypeOf(current) === Error.prototype && typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    const adapterError = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).driverAdapterError : undefined;
    pending.push(cause, originalError, adapterError);
    if (current instanceof AggregateError) pending.push(...current.errors);
  }
  return false;
}

/** SERVICE_UNAVAILABLE in place of `error`, keeping where in the operation it happened. */
export function asDatabaseUnavailable(error: unknown): GraphQLError {
  const unavailable = new DatabaseUnavailableError();
  if (!(error instanceof GraphQLError)) return unavailable;
  return new GraphQLError(unavailable.message, { nodes: error.nodes, path: error.path, extensions: unavailable.extensions });
}

/**
 * Runs `work` again every `intervalMs` for as long as it fails because the database cannot be reached;
 * success or any other error ends the retries. The timer does not keep the process alive.
 */
export function retryWhileDatabaseUnavailable(work: () => Promise<unknown>, intervalMs = 2_000): void {
  const attempt = () => {
    work().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) setTimeout(attempt, intervalMs).unref();
    });
  };
  setTimeout(attempt, intervalMs).unref();
}
