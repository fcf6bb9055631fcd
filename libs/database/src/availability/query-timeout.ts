/** What node-postgres rejects a query with once `query_timeout` passed without an answer. */
const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * True for a query that went unanswered for the pool's query timeout. Its connection is still
 * waiting for that answer: nothing more can be asked on it (not even ROLLBACK), only destroyed.
 */
export function isQueryTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === QUERY_TIMEOUT_MESSAGE;
}
