import type { QueryConfig } from 'pg';

/**
 * A hot-path statement sent by name, so PostgreSQL parses it once per connection and, after a few
 * executions, plans it once too (a generic plan) instead of on every call. These statements are
 * large (CTEs over a dozen parameter arrays) and run hundreds of times a second: measured with
 * pg_stat_statements during the bench's push phase (2026-12-05), planning took 42 % of their
 * server time, and more than executing for some (the delivery enqueue: 0.63 ms to plan, 0.76 ms
 * to run; the dispatcher's claim: 0.42 ms to plan, 0.06 ms to run).
 *
 * A name stands for one text in the whole process: pg refuses a second text under a name a
 * connection has prepared, at the first call that meets it. `preparedStatement` refuses it when
 * the module defining it loads instead.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const defined = new Map<string, string>();

export function preparedStatement(name: string, text: string): PreparedStatement {
  const earlier = defined.get(name);
  if (earlier !== undefined && earlier !== text) throw new Error(`prepared statement "${name}" is already defined with another text`);
  defined.set(name, text);
  return Object.freeze({ name, text });
}

/** The statement with this call's values, for `pool.query` or a transaction's `session.query`. */
export function withValues(statement: PreparedStatement, values: unknown[]): QueryConfig {
  return { name: statement.name, text: statement.text, values };
}
