import { Logger, Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { DATABASE_MODULE_OPTIONS } from './config/database.module-definition';
import { DatabaseModuleOptions } from './config/database-module.options';
import { PG_POOL } from './database.constants';

const logger = new Logger('PgPool');

export function createPgPool(options: DatabaseModuleOptions): Pool {
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    // A connection whose packets are dropped (no answer, no close) would be waited on for ever,
    // wedging whatever awaits it — the relay, the consumer, a shutdown. A query that goes
    // unanswered fails (`isQueryTimeout`); the pool, or inTransaction, then destroys its connection.
    query_timeout: options.queryTimeoutMs ?? 30_000,
    // Lets the kernel notice, in time, a peer that went away while the connection was idle.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // PostgreSQL closing an idle pooled connection (pg_terminate_backend, a restart) makes the pool
  // emit 'error'; unheard, that event ended the process (found by the chaos run). The pool has
  // already dropped the client: the next query opens a new connection, so a warning is all.
  pool.on('error', (error) => logger.warn(`an idle database connection was closed: ${error.message}`));
  // The same for a connection in use whose user does not listen (yet): pg marks it unusable, so
  // its user's next query fails and the pool drops it at release. Its users that listen
  // (inTransaction, pool.query) hear the error themselves; only an error nobody else heard is logged.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      if (client.listenerCount('error') === 1) logger.warn(`a database connection in use was closed: ${error.message}`);
    });
  });
  return pool;
}

export const pgPoolProvider: Provider = {
  provide: PG_POOL,
  inject: [DATABASE_MODULE_OPTIONS],
  useFactory: createPgPool,
};
