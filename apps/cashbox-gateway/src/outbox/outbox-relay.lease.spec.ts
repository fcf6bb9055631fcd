import { EventEmitter } from 'node:events';
import type { SqlPool, SqlSession } from '@voucher-bridge/database';
import { GatewayEnvironment } from '../config/gateway.environment';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OutboxSignal } from './outbox.signal';

/**
 * A pooled connection that PostgreSQL closes while the lease's lock is being asked for, in the
 * order node-postgres reports it from one socket read: the query is rejected, and the socket's
 * end, on process.nextTick and so before that rejection's continuation, makes the client emit
 * 'error'. Unheard, that 'error' would end the process (a gateway started during a PostgreSQL
 * restart exited so in a chaos run).
 */
class ClosingConnection extends EventEmitter {
  errorListenersWhileAsking = -1;
  released: unknown[] = [];

  query(): Promise<never> {
    this.errorListenersWhileAsking = this.listenerCount('error');
    return new Promise((_, reject) => setImmediate(() => {
      // One I/O callback: the server's FATAL fails the query, then the socket ends.
      reject(new Error('terminating connection due to administrator command'));
      process.nextTick(() => this.emit('error', new Error('Connection terminated unexpectedly')));
    }));
  }

  release(error?: unknown): void {
    this.released.push(error);
  }
}

describe('OutboxRelayLease', () => {
  it('hears the connection from the moment it is checked out: a connection closed while the lock is asked for does not end the process', async () => {
    const connection = new ClosingConnection();
    const pool = poolHandingOut(connection);
    const lease = new OutboxRelayLease(pool, new OutboxSignal(), new GatewayEnvironment());

    await expect(lease.tryAcquire()).rejects.toThrow('terminating connection');
    // The emitted 'error' arrives on the next tick: give it the chance to go unheard.
    await new Promise((resolve) => setImmediate(resolve));

    expect(connection.errorListenersWhileAsking).toBeGreaterThan(0);
    expect(lease.held).toBe(false);
    // Handed back as broken, so the pool destroys it instead of lending it again.
    expect(connection.released).toEqual([expect.objectContaining({ message: 'Connection terminated unexpectedly' })]);
    expect(connection.listenerCount('error')).toBe(0);
  });

  it('gives the lease up when its check goes unanswered, with one check in flight at a time', async () => {
    const connection = new SilentAfterLocking();
    const pool = poolHandingOut(connection);
    const lease = new OutboxRelayLease(pool, new OutboxSignal(), Object.assign(new GatewayEnvironment(), { OUTBOX_RELAY_LEASE_TIMEOUT_MS: 90 }));

    await expect(lease.tryAcquire()).resolves.toBe(true);
    expect(connection.statements[0]).toContain('idle_session_timeout');
    const term = lease.term;
    // Checks every 30 ms; the first is never answered, and lost after 90 ms.
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(lease.held).toBe(false);
    expect(connection.statements.filter((s) => s === 'SELECT 1')).toEqual(['SELECT 1']);
    expect(connection.released).toEqual([expect.objectContaining({ message: 'no answer from PostgreSQL within 90 ms' })]);
    lease.onModuleDestroy();

    // Taken again, it is another term: the relay starts over.
    const again = new SilentAfterLocking();
    (pool as unknown as { connect: unknown }).connect = (poolHandingOut(again) as unknown as { connect: unknown }).connect;
    await expect(lease.tryAcquire()).resolves.toBe(true);
    expect(lease.term).toBe(term + 1);
    await lease.release();
    expect(again.released).toEqual([true]);
  });

  it('wakes the relay on a notification of its session while it holds the lease, and only then', async () => {
    const connection = new SilentAfterLocking();
    const pool = poolHandingOut(connection);
    const signal = new OutboxSignal();
    const lease = new OutboxRelayLease(pool, signal, new GatewayEnvironment());
    const woken = () => Promise.race([signal.wait(60_000).then(() => 'woken'), new Promise((resolve) => setTimeout(resolve, 200, 'asleep'))]);

    await expect(lease.tryAcquire()).resolves.toBe(true);
    expect(connection.statements).toContain('LISTEN gateway_outbox');
    const first = woken();
    connection.emit('notification', { channel: 'gateway_outbox' });
    await expect(first).resolves.toBe('woken');

    await lease.release();
    const second = woken();
    connection.emit('notification', { channel: 'gateway_outbox' });
    await expect(second).resolves.toBe('asleep');
    signal.notify();
  });
});

/** Answers the lease's set-up and its lock, then never again. */
class SilentAfterLocking extends EventEmitter {
  statements: string[] = [];
  released: unknown[] = [];

  query(text: string): Promise<unknown> {
    this.statements.push(text);
    if (text.includes('pg_try_advisory_lock')) return Promise.resolve({ rows: [{ acquired: true }] });
    if (text.includes('idle_session_timeout') || text.startsWith('LISTEN')) return Promise.resolve({ rows: [] });
    if (text.includes('pg_advisory_unlock')) return Promise.resolve({ rows: [] });
    return new Promise(() => undefined);
  }

  release(error?: unknown): void {
    this.released.push(error);
  }
}

/** A pool that hands `connection` out the way pg-pool does with an idle one: calling back at once. */
function poolHandingOut(connection: object): SqlPool {
  return { connect: (callback: (error: undefined, client: SqlSession) => void) => callback(undefined, connection as SqlSession) } as unknown as SqlPool;
}
