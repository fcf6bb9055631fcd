import type { Pool, PoolClient } from 'pg';
import { isQueryTimeout } from '../availability/query-timeout';
import { checkOut } from './check-out';

export interface TransactionOptions {
  /** The statement that opens the transaction (e.g. with `SET LOCAL` settings). */
  begin?: string;
  /** Roll back instead of committing when `work` resolves: a dry run. */
  rollback?: boolean;
}

/**
 * Runs `work` in one transaction on one pooled connection: committed when it resolves, rolled
 * back when it throws. Every checked-out connection must be heard: a connection the server
 * drops (restart, pg_terminate_backend) emits 'error' on the client, and an unheard 'error'
 * ends the process. A connection that failed, timed out or cannot even roll back is destroyed,
 * not reused.
 */
export async function inTransaction<T>(pool: Pool, work: (session: PoolClient) => Promise<T>, { begin = 'BEGIN', rollback = false }: TransactionOptions = {}): Promise<T> {
  let broken: Error | undefined;
  const onError = (error: Error) => { broken ??= error; };
  const client = await checkOut(pool, onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
    return result;
  } catch (error) {
    if (isQueryTimeout(error)) {
      // Still waiting for that answer, the connection can take no ROLLBACK: destroying it ends
      // the transaction on the server as soon as the server notices.
      broken ??= error as Error;
    } else {
      await client.query('ROLLBACK').catch((rollbackError: Error) => { broken ??= rollbackError; });
    }
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

