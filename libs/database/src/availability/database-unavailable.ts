// What "the database is away" looks like from pg, from Node's sockets and through Prisma's pg
// adapter. Everything else (constraint violations, bad SQL, ...) is a real error.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1235]|53300)$/; // connection exceptions, shutdown, restart, too many connections
const NOT_ACCEPTING_CONNECTIONS = /not currently accepting connections/; // 55000 after ALTER DATABASE ... ALLOW_CONNECTIONS false
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// 'Query read timeout': no answer within the pool's query_timeout (a silent connection).
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Query read timeout)/;
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/**
 * Why the database is unavailable, in one line, when `error` says it is (connection refused or
 * lost, server restarting, database closed to connections, pool exhausted); `undefined` for
 * every other error. Follows `cause` and Prisma's wrapped driver error.
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const e = error as ErrorLike;
  const code = typeof e.originalCode === 'string' ? e.originalCode : typeof e.code === 'string' ? e.code : '';
  const message = String(e.originalMessage ?? e.message ?? '').split('\n')[0];
  const unavailable =
    UNAVAILABLE_SQLSTATE.test(code) ||
    (code === '55000' && NOT_ACCEPTING_CONNECTIONS.test(message)) ||
    SOCKET_CODES.has(code) ||
    PRISMA_CODES.has(code) ||
    ADAPTER_KINDS.has(String(e.kind)) ||
    (code === '' && PG_MESSAGES.test(message));
  if (unavailable) return [code, message || String(e.kind ?? '')].filter(Boolean).join(': ');
  return databaseUnavailableReason(e.meta?.driverAdapterError, depth + 1) ?? databaseUnavailableReason(e.cause, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== undefined;
}
