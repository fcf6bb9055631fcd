import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, inTransaction } from '@voucher-bridge/database';
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
  /** The first signing secret, sealed by `SubscriptionSecretCipher`. */
  sealedSecret: string;
  createdAt: Date;
}

/** The shop's webhook subscriptions and their signing secrets, sealed (plain pg on the shared pool). */
@Injectable()
export class SubscriptionsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  async create(subscription: NewSubscription): Promise<SubscriptionRow> {
    const { id, url, eventTypes, createdByKeyId, createdAt, sealedSecret } = subscription;
    const { rows } = await this.pool.query<SubscriptionRow>(INSERT_SUBSCRIPTION, [id, url, eventTypes, createdByKeyId, createdAt, sealedSecret]);
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
   * Makes `sealedSecret` the current one; the older still-valid secrets expire at `overlapEnd` at the
   * latest. Answers when the last of them expires, or undefined when the subscription is unknown
   * or deleted. One transaction: a failure leaves the secrets as they were.
   */
  async rotateSecret(id: string, sealedSecret: string, now: Date, overlapEnd: Date): Promise<Date | undefined> {
    return inTransaction(this.pool, async (session) => {
      const locked = await session.query(LOCK_LIVE_SUBSCRIPTION, [id]);
      if (locked.rowCount === 0) return undefined;
      const expired = await session.query<{ expires_at: Date }>(EXPIRE_VALID_SECRETS, [id, now, overlapEnd]);
      await session.query(INSERT_SECRET, [id, sealedSecret, now]);
      return expired.rows.reduce((latest, row) => (row.expires_at > latest ? row.expires_at : latest), now);
    });
  }
}
