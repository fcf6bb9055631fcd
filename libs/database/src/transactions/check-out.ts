import type { Pool, PoolClient } from 'pg';

/**
 * `pool.connect()`, with `onError` listening from the moment the pool hands the connection over.
 * The pool stops listening to a connection it hands out; awaiting `pool.connect()` would attach
 * a listener only once the caller resumes, after the read being handled — and the server's
 * "terminating connection" can arrive in the very read that answered the connection's previous
 * user (seen in a chaos run: the connector ended on that unheard 'error').
 */
export function checkOut(pool: Pool, onError: (error: Error) => void): Promise<PoolClient> {
  return new Promise((resolve, reject) => {
    pool.connect((error, client) => {
      if (error || !client) {
        reject(error ?? new Error('the pool handed out no connection'));
        return;
      }
      client.on('error', onError);
      resolve(client);
    });
  });
}
