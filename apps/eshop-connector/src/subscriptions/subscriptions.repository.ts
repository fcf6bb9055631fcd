import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { SubscriptionRow } from './subscription.row';
import {
  DELETE_SUBSCRIPTION, EXPIRE_VALID_SECRETS, INSERT_SECRET, INSERT_SUBSCRIPTION, LOCK_LIVE_SUBSCRIPTION,
  SELECT_SUBSCRIPTION, SELECT_SUBSCRIPTIONS,
} from './subscriptions.sql';

export interface NewSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  createdByKeyId: string;
  secret: string;
  createdAt: Date;
}

/** The shop's webhook subscriptions and their signing secrets (plain pg on the shared pool). */
@Injectable()
export class SubscriptionsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  async create(subscription: NewSubscription): Promise<SubscriptionRow> {
    const { id, url, eventTypes, createdByKeyId, createdAt, secret } = subscription;
    const { rows } = await this.pool.query<SubscriptionRow>(INSERT_SUBSCRIPTION, [id, url, eventTypes, createdByKeyId, createdAt, secret]);
    return rows[0];
  }

  async list(): Promise<SubscriptionRow[]> {
    return (await this.pool.query<SubscriptionRow>(SELECT_SUBSCRIPTIONS)).rows;
  }

  /** Undefined when unknown or deleted. */
  async find(id: string): Promise<SubscriptionRow | undefined> {
    return (await this.pool.query<SubscriptionRow>(SELECT_SUBSCRIPTION, [id])).rows[0];
  }

  /** How many pending deliveries were discarded, or undefined when unknown or already deleted. */
  async softDelete(id: string, at: Date): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ deleted: number; discarded: number }>(DELETE_SUBSCRIPTION, [id, at]);
    return rows[0].deleted > 0 ? rows[0].discarded : undefined;
  }

  /**
   * Makes `secret` the current one; the older still-valid secrets expire at `overlapEnd` at the
   * latest. Answers when the last of them expires, or undefined when the subscription is unknown
   * or deleted. One transaction: a failure leaves the secrets as they were.
   */
  async rotateSecret(id: string, secret: string, now: Date, overlapEnd: Date): Promise<Date | undefined> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A connection closed while checked out emits 'error' on the client: unheard, it ends the process.
    const onError = (error: Error) => { broken = error; };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const locked = await client.query(LOCK_LIVE_SUBSCRIPTION, [id]);
      if (locked.rowCount === 0) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const expired = await client.query<{ expires_at: Date }>(EXPIRE_VALID_SECRETS, [id, now, overlapEnd]);
      await client.query(INSERT_SECRET, [id, secret, now]);
      await client.query('COMMIT');
      return expired.rows.reduce((latest, row) => (row.expires_at > latest ? row.expires_at : latest), now);
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await client.query('ROLLBACK').catch((rollbackError: Error) => { broken = rollbackError; });
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
