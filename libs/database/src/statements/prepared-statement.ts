import type { QueryConfig } from 'pg';

/**
 * A hot-path statement sent by name, so PostgreSQL parses it once per connection and, after a few
 * executions, plans it once too (a generic plan) instead of on every call. These statements are
 * large (CTEs over a dozen parameter arrays) and run hundreds of times a second: measured with
 * pg_stat_statements during the bench's push phase (2026-12-05), planning took 42 % of their
 * server time, and more than executing for some (the delivery enqueue: 0.63 ms to plan, 0.76 ms
 * to run; the dispatcher's claim: 0.42 ms to plan, 0.06 ms to run).
 *
 * The name must be unique across the app: pg refuses one name with two texts on a connection.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export function preparedStatement(name: string, text: string): PreparedStatement {
  return Object.freeze({ name, text });
}

/** The statement with this call's values, for `pool.query` or a transaction's `session.query`. */
export function withValues(statement: PreparedStatement, values: unknown[]): QueryConfig {
  return { name: statement.name, text: statement.text, values };
}
