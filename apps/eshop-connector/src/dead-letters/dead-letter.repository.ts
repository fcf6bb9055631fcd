import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { DeadLetterId } from './dead-letter-id';
import { DeadLetterFilter, DeadLetterRow } from './dead-letter.view';
import {
  DISCARD_DELIVERY, DISCARD_RECORD, FIND_DELIVERY_DEAD_LETTER, FIND_RECORD_DEAD_LETTER, LIST_DEAD_LETTERS, REQUEUE_DELIVERY,
  SUBSCRIPTION_STATUS,
} from './dead-letters.sql';

/** Where a page of the list continues: after the last item's parked time and id. */
export interface DeadLetterCursor {
  parkedAt: Date;
  id: string;
}

/** Reads dead letters of both kinds, and the one-statement changes to parked deliveries and records. */
@Injectable()
export class DeadLetterRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  async list(filter: DeadLetterFilter, limit: number, after?: DeadLetterCursor): Promise<DeadLetterRow[]> {
    const { rows } = await this.pool.query<DeadLetterRow>(LIST_DEAD_LETTERS, [
      filter.kind ?? null, filter.reason ?? null, filter.status ?? null, filter.parkedBefore ?? null,
      after?.parkedAt ?? null, after?.id ?? null, limit,
    ]);
    return rows;
  }

  async find(id: DeadLetterId): Promise<DeadLetterRow | undefined> {
    const { rows } = id.kind === 'record'
      ? await this.pool.query<DeadLetterRow>(FIND_RECORD_DEAD_LETTER, [null, id.id])
      : await this.pool.query<DeadLetterRow>(FIND_DELIVERY_DEAD_LETTER, [null, id.subscriptionId, id.eventId]);
    return rows[0];
  }

  /** False when the record is not parked (any more). */
  async discardRecord(id: string, reason: string): Promise<boolean> {
    return (await this.pool.query(DISCARD_RECORD, [id, reason])).rowCount === 1;
  }

  /** False when the delivery is not parked (any more). */
  async discardDelivery(subscriptionId: string, eventId: string): Promise<boolean> {
    return (await this.pool.query(DISCARD_DELIVERY, [subscriptionId, eventId])).rowCount === 1;
  }

  /** False when the delivery is not parked (any more). */
  async requeueDelivery(subscriptionId: string, eventId: string): Promise<boolean> {
    return (await this.pool.query(REQUEUE_DELIVERY, [subscriptionId, eventId])).rowCount === 1;
  }

  /** The delivery's own status and its subscription's (`deleted` when it was deleted). */
  async deliveryState(subscriptionId: string, eventId: string): Promise<{ delivery: string; subscription: string } | undefined> {
    const { rows } = await this.pool.query<{ delivery_status: string; status: string; deleted_at: Date | null }>(
      SUBSCRIPTION_STATUS, [subscriptionId, eventId]);
    const row = rows[0];
    return row && { delivery: row.delivery_status, subscription: row.deleted_at ? 'deleted' : row.status };
  }
}
