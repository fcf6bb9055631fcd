import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, withValues } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { SELECT_EVENT_STATUS } from './voucher-event-status.sql';
import { VoucherEventStatusDto } from './voucher-event-status.response.dto';

interface EventStatusRow {
  event_id: string;
  topic: string | null;
  kafka_partition: number | null;
  kafka_offset: string | null;
  published_at: Date | null;
}

/** What became of an accepted event, as far as this store may know. */
@Injectable()
export class VoucherEventStatusRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  /** Undefined for an unknown event and for another store's. */
  async find(eventId: string, storeId: string): Promise<VoucherEventStatusDto | undefined> {
    const { rows } = await this.pool.query<EventStatusRow>(withValues(SELECT_EVENT_STATUS, [eventId, storeId]));
    const row = rows[0];
    if (!row) return undefined;
    if (row.topic === null) return { eventId: row.event_id, status: 'accepted' };
    return {
      eventId: row.event_id,
      status: 'published',
      topic: row.topic,
      partition: row.kafka_partition!,
      offset: row.kafka_offset!,
      publishedAt: row.published_at!.toISOString(),
    };
  }
}
