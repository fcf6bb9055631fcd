import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import { Pool } from 'pg';

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
}

/** Reads unsent outbox rows in the order they were accepted and marks them sent. */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async nextUnsent(limit: number): Promise<OutboxMessage[]> {
    const { rows } = await this.pool.query<OutboxMessage>(
      `SELECT id::text AS id, event_id AS "eventId", topic, message_key AS "messageKey", payload, headers
       FROM gateway_outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows;
  }

  async markSent(ids: string[]): Promise<void> {
    await this.pool.query('UPDATE gateway_outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [ids]);
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
