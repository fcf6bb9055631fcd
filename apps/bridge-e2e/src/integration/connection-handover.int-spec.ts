import type { PoolClient } from 'pg';
import { createPgPool, inTransaction, isDatabaseUnavailable } from '@voucher-bridge/database';
import { TEST_DATABASE_URL } from '../support/test-environment';

/**
 * A connection that dies in the moment the pool hands it from one user to the next (found by a
 * chaos run: PostgreSQL's "terminating connection due to administrator command" arrived in the
 * same read as the answer to the previous user's query). pg-pool stops listening to a client's
 * 'error' when it hands the client out; `await pool.connect()` resumes its caller only after the
 * read has been handled, so the error met a client nobody listened to, and an unheard 'error'
 * ends the process. The test makes the connection die exactly there: its socket destroyed while
 * the pool hands it over, so the error is emitted (on the next tick) before a promise-based
 * caller could have attached a listener.
 */
describe('a pooled connection that dies while handed over (real PostgreSQL)', () => {
  it('fails the transaction it was handed to as the database being unavailable, and nothing else', async () => {
    const pool = createPgPool({ url: TEST_DATABASE_URL, poolSize: 1 });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.prependListener('uncaughtException', onUncaught);
    try {
      // The first user holds the only connection; the transaction waits for it and is handed it
      // (the second acquisition) from inside the read that answers the first user's query.
      let acquired = 0;
      pool.on('acquire', (client: PoolClient & { connection: { stream: { destroy(error: Error): void } } }) => {
        if (++acquired === 2) client.connection.stream.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      });
      const first = pool.query('SELECT pg_sleep(0.2)');
      while (acquired === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const transaction = inTransaction(pool, async (session) => (await session.query('SELECT 1 AS one')).rows);
      await first;
      const failure = await transaction.then(() => undefined, (error: unknown) => error);

      expect(uncaught).toEqual([]);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      // The dead connection was not put back: the next user gets a new one.
      expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      await pool.end();
    }
  });
});
