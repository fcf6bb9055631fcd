import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PG_POOL, checkOut } from '@voucher-bridge/database';
import type { SqlPool, SqlSession } from '@voucher-bridge/database';
import { GatewayEnvironment } from '../config/gateway.environment';
import { OUTBOX_CHANNEL, OutboxSignal } from './outbox.signal';

/** Arbitrary, fixed: the advisory lock all gateway instances on one database compete for. */
const OUTBOX_RELAY_LOCK_ID = '7236518010221001';

/**
 * Lets one relay per database publish, so events leave in acceptance order however many
 * gateway instances run. A PostgreSQL session advisory lock on a dedicated connection: if the
 * holder dies, the database drops its connection and the lock with it, and a standby takes over.
 *
 * A holder that is alive to the kernel but not to us — a frozen process or VM, a host cut off the
 * network — keeps its socket open, and PostgreSQL would keep its lock for as long (hours, until TCP
 * keepalive gives up). So the lease has a timeout: the session asks PostgreSQL to end it once idle
 * for OUTBOX_RELAY_LEASE_TIMEOUT_MS (`idle_session_timeout`), and the holder proves itself alive
 * with a query every third of that; a holder whose query is not answered in time gives the lease
 * up itself. A standby then takes over, and opening the relay's transactional producer fences the
 * old holder on Kafka should it wake up mid-transaction.
 *
 * The same session LISTENs on OUTBOX_CHANNEL: what another instance accepted wakes this relay at
 * once (OutboxWakeup), not at its next poll. It listens exactly while it holds the lease.
 */
@Injectable()
export class OutboxRelayLease implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayLease.name);
  private readonly timeoutMs: number;
  private holder?: SqlSession;
  private heartbeat?: NodeJS.Timeout;
  private pinging?: Promise<void>;
  /** Bumped whenever the lease is taken: a relay that sees another term starts over. */
  private currentTerm = 0;

  private readonly wake = () => this.signal.notify();

  constructor(@Inject(PG_POOL) private readonly pool: SqlPool, private readonly signal: OutboxSignal, env: GatewayEnvironment) {
    this.timeoutMs = env.OUTBOX_RELAY_LEASE_TIMEOUT_MS;
  }

  get held(): boolean {
    return this.holder !== undefined;
  }

  /** Which holding this is: changes each time the lease is taken (again). */
  get term(): number {
    return this.currentTerm;
  }

  /** True when this instance holds the lease (now or already). */
  async tryAcquire(): Promise<boolean> {
    if (this.holder) return true;
    // Heard from the moment it is ours (checkOut): a connection that ends while the lock is being
    // asked for emits 'error' on the client before the query fails, and an unheard 'error' ends
    // the process (found by the chaos run: a gateway started during a PostgreSQL restart exited).
    let broken: Error | undefined;
    let client: SqlSession | undefined;
    const onError = (error: Error) => {
      broken ??= error;
      if (client) this.lose(client, error);
    };
    client = await checkOut(this.pool, onError);
    let acquired = false;
    try {
      // The timeout first: a session that holds the lock is never without it.
      await client.query("SELECT set_config('idle_session_timeout', $1, false)", [`${this.timeoutMs}ms`]);
      // Before the lock, so a holder always listens; a standby's session is closed, LISTEN with it.
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS acquired', [OUTBOX_RELAY_LOCK_ID]);
      acquired = rows[0].acquired && broken === undefined;
    } finally {
      if (!acquired) {
        client.removeListener('error', onError);
        // Never lent again with the session's timeout set: the pool opens a plain one instead.
        client.release(broken ?? true);
      }
    }
    if (!acquired) return false;
    this.holder = client;
    client.on('notification', this.wake);
    this.currentTerm += 1;
    this.heartbeat = setInterval(() => void this.beat(client), Math.max(1, Math.floor(this.timeoutMs / 3))).unref();
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
    await this.ping(client);
    return this.holder === client;
  }

  async release(): Promise<void> {
    const client = this.holder;
    if (!client) return;
    this.holder = undefined;
    clearInterval(this.heartbeat);
    client.removeListener('notification', this.wake);
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [OUTBOX_RELAY_LOCK_ID]).catch(() => undefined);
    client.release(true);
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
  }

  private async beat(client: SqlSession): Promise<void> {
    // One check at a time: a check still waiting for its answer is the one that decides.
    if (this.holder === client && !this.pinging) await this.ping(client);
  }

  /** A query on the lease's session, answered within the timeout, or the lease is given up. */
  private ping(client: SqlSession): Promise<void> {
    this.pinging ??= this.check(client).finally(() => (this.pinging = undefined));
    return this.pinging;
  }

  private async check(client: SqlSession): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from PostgreSQL within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([client.query('SELECT 1'), overdue]);
    } catch (error) {
      this.lose(client, error as Error);
    } finally {
      clearTimeout(timer);
    }
  }

  private lose(client: SqlSession, error: Error): void {
    if (this.holder !== client) return;
    this.holder = undefined;
    clearInterval(this.heartbeat);
    client.removeListener('notification', this.wake);
    client.release(error);
    this.logger.warn(`lost the outbox relay lease: ${error.message}`);
  }
}
