import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';

/** A pooled connection whose statements answer as `answers` says (by statement text). */
class ScriptedSession extends EventEmitter {
  readonly statements: string[] = [];
  readonly released: unknown[] = [];

  constructor(private readonly answers: Record<string, () => Promise<unknown>>) {
    super();
  }

  query(text: string): Promise<unknown> {
    this.statements.push(text);
    return (this.answers[text] ?? (async () => ({ rows: [] })))();
  }

  release(error?: unknown): void {
    this.released.push(error);
  }
}

/** A pool that hands `session` out (pg-pool calls back synchronously when a connection is idle). */
function poolOf(session: ScriptedSession, afterHandingOut = () => {}): Pool {
  const connect = (callback: (error: Error | undefined, client: ScriptedSession) => void) => {
    callback(undefined, session);
    afterHandingOut();
  };
  return { connect } as unknown as Pool;
}

describe('inTransaction', () => {
  it('commits and hands the connection back for reuse', async () => {
    const session = new ScriptedSession({});
    await expect(inTransaction(poolOf(session), async (s) => (await s.query('SELECT 1'), 'done'))).resolves.toBe('done');
    expect(session.statements).toEqual(['BEGIN', 'SELECT 1', 'COMMIT']);
    expect(session.released).toEqual([undefined]);
    expect(session.listenerCount('error')).toBe(0);
  });

  it('rolls back when the work fails, and reuses the connection', async () => {
    const session = new ScriptedSession({ 'INSERT x': async () => { throw new Error('duplicate key'); } });
    await expect(inTransaction(poolOf(session), (s) => s.query('INSERT x'))).rejects.toThrow('duplicate key');
    expect(session.statements).toEqual(['BEGIN', 'INSERT x', 'ROLLBACK']);
    expect(session.released).toEqual([undefined]);
  });

  it('destroys a connection whose query went unanswered, without asking it anything more', async () => {
    // node-postgres' query_timeout: the query's answer is still awaited on that connection, so a
    // ROLLBACK would queue behind it and time out in turn.
    const timeout = new Error('Query read timeout');
    const session = new ScriptedSession({ 'INSERT x': async () => { throw timeout; } });
    await expect(inTransaction(poolOf(session), (s) => s.query('INSERT x'))).rejects.toBe(timeout);
    expect(session.statements).toEqual(['BEGIN', 'INSERT x']);
    expect(session.released).toEqual([timeout]);
  });

  it('hears a connection that dies while the pool hands it over, and has it destroyed', async () => {
    // The server's "terminating connection" handled in the same read that handed the connection
    // over: before an `await pool.connect()` would have resumed its caller.
    const closed = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const session = new ScriptedSession({});
    const pool = poolOf(session, () => session.emit('error', closed));
    await expect(inTransaction(pool, async (s) => (await s.query('SELECT 1'), 'done'))).resolves.toBe('done');
    expect(session.released).toEqual([closed]);
    expect(session.listenerCount('error')).toBe(0);
  });
});
