import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, withValues } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { MARK_SENT, SELECT_NEXT_UNSENT, SELECT_UNSENT_RECORD_IDS } from './outbox.sql';
import type { PublishedRow } from './relay-position';

export interface OutboxBacklog {
  unsent: number;
  /** Age of the oldest unsent row, 0 when there is none. */
  oldestUnsentAgeSeconds: number;
}

export interface OutboxMessage {
  id: string;
  eventId: string;
  topic: string;
  messageKey: string;
  payload: string;
  headers: Record<string, string>;
  /** When the row was written (accepted), for the publish-delay histogram. */
  createdAtMs: number;
}

/** Reads unsent outbox rows in the order they were accepted and marks them sent. */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  /** The next unsent rows in acceptance order, except `excluding` (rows being marked right now). */
  async nextUnsent(limit: number, excluding: string[] = []): Promise<OutboxMessage[]> {
    const { rows } = await this.pool.query<OutboxMessage>(withValues(SELECT_NEXT_UNSENT, [limit, excluding]));
    return rows;
  }

  /** Of these rows, the unsent ones, by outbox id, with the `ce_id` their record carries. */
  async unsentRecordIds(ids: string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; recordId: string | null }>(withValues(SELECT_UNSENT_RECORD_IDS, [ids]));
    return new Map(rows.map((row) => [row.id, row.recordId]));
  }

  /** Marks the rows sent and keeps where each event landed (for GET /v1/voucher-events). */
  async markSent(published: PublishedRow[]): Promise<void> {
    if (published.length === 0) return;
    await this.pool.query(withValues(MARK_SENT, [
      published.map((row) => row.id),
      published.map((row) => row.topic),
      published.map((row) => row.partition),
      published.map((row) => row.offset),
    ]));
  }

  async countUnsent(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT count(*) AS count FROM gateway_outbox WHERE sent_at IS NULL',
    );
    return Number(rows[0].count);
  }

  async backlog(): Promise<OutboxBacklog> {
    const { rows } = await this.pool.query<{ unsent: string; age: string | null }>(
      `SELECT count(*) AS unsent, extract(epoch FROM now() - min(created_at)) AS age
       FROM gateway_outbox WHERE sent_at IS NULL`,
    );
    return { unsent: Number(rows[0].unsent), oldestUnsentAgeSeconds: Math.max(0, Math.floor(Number(rows[0].age ?? 0))) };
  }
}
