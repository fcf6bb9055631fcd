import { Inject, Injectable, Logger } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool, SqlSession } from '@voucher-bridge/database';

/** Arbitrary, fixed: the advisory lock all gateway instances on one database compete for. */
const OUTBOX_RELAY_LOCK_ID = '7236518010221001';

/**
 * Lets one relay per database publish, so events leave in acceptance order however many
 * gateway instances run. A PostgreSQL session advisory lock on a dedicated connection: if the
 * holder dies, the database drops its connection and the lock with it, and a standby takes over.
 */
@Injectable()
export class OutboxRelayLease {
  private readonly logger = new Logger(OutboxRelayLease.name);
  private holder?: SqlSession;

  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  get held(): boolean {
    return this.holder !== undefined;
  }

  /** True when this instance holds the lease (now or already). */
  async tryAcquire(): Promise<boolean> {
    if (this.holder) return true;
    const client = await this.pool.connect();
    // Heard from the moment it is ours: a connection that ends while the lock is being asked for
    // emits 'error' on the client before the query fails, and an unheard 'error' ends the process
    // (found by the chaos run: a gateway started during a PostgreSQL restart exited).
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken ??= error;
      this.lose(client, error);
    };
    client.on('error', onError);
    let acquired = false;
    try {
      const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS acquired', [OUTBOX_RELAY_LOCK_ID]);
      acquired = rows[0].acquired && broken === undefined;
    } finally {
      if (!acquired) {
        client.removeListener('error', onError);
        client.release(broken);
      }
    }
    if (!acquired) return false;
    this.holder = client;
    this.logger.log('this instance relays the outbox');
    return true;
  }

  /**
   * True when the lease is still ours, asked of the database itself: before a relay fences
   * every other one with Kafka's initTransactions, it must be sure no standby took over because
   * this instance's connection broke unnoticed.
   */
  async confirm(): Promise<boolean> {
    const client = this.holder;
    if (!client) return false;
    try {
      await client.query('SELECT 1');
      return this.holder === client;
    } catch (error) {
      this.lose(client, error as Error);
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.holder;
    if (!client) return;
    this.holder = undefined;
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [OUTBOX_RELAY_LOCK_ID]).catch(() => undefined);
    client.release();
  }

  private lose(client: SqlSession, error: Error): void {
    if (this.holder !== client) return;
    this.holder = undefined;
    client.release(error);
    this.logger.warn(`lost the outbox relay lease: ${error.message}`);
  }
}
