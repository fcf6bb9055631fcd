import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { GroupCommitBatcher, PG_POOL, withValues } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { claimKey, claimedIdempotencyKeys } from '../idempotency/claimed-idempotency-keys';
import { INSERT_VOUCHER_EVENTS_WITH_OUTBOX, SELECT_EARLIER_VOUCHER_EVENTS } from './voucher-event-outbox.sql';
import { VoucherEventRecord, VoucherEventWriteResult } from './voucher-event-record';

interface EarlierEvent {
  event_id: string;
  store_id: string;
  cashbox_id: string;
  receipt_number: string;
  voucher_code_hash: string;
  event_type: string;
  request_hash: string;
}

const receiptKey = (r: { storeId: string; cashboxId: string; receiptNumber: string; voucherCodeHash: string; eventType: string }) =>
  [r.storeId, r.cashboxId, r.receiptNumber, r.voucherCodeHash, r.eventType].join('\u0000');

/** Redemptions and cancellations with their outbox rows: one statement per group commit. */
@Injectable()
export class VoucherEventOutboxRepository implements BeforeApplicationShutdown {
  private readonly batcher = new GroupCommitBatcher<VoucherEventRecord, VoucherEventWriteResult>(
    (records) => this.writeBatch(records),
    { maxBatchSize: 100, maxWaitMs: 2, maxConcurrentFlushes: 4 },
  );

  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  save(record: VoucherEventRecord): Promise<VoucherEventWriteResult> {
    return this.batcher.write(record);
  }

  /** Before the pool closes (see PgPoolOwner): every write waiting in a batch is committed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.batcher.drain();
  }

  private async writeBatch(records: VoucherEventRecord[]): Promise<VoucherEventWriteResult[]> {
    const columns = (pick: (r: VoucherEventRecord) => unknown) => records.map(pick);
    const inserted = await this.pool.query<{ event_id: string }>(withValues(INSERT_VOUCHER_EVENTS_WITH_OUTBOX, [
      columns((r) => r.eventId), columns((r) => r.eventType), columns((r) => r.voucherCodeHash),
      columns((r) => r.voucherCodeMasked), columns((r) => r.storeId), columns((r) => r.cashboxId),
      columns((r) => r.receiptNumber), columns((r) => r.requestHash), columns((r) => r.topic),
      columns((r) => r.message.key), columns((r) => r.message.value), columns((r) => JSON.stringify(r.message.headers)),
      columns((r) => r.apiKeyId), columns((r) => r.idempotencyKey),
    ]));
    const accepted = new Set(inserted.rows.map((row) => row.event_id));
    const notNew = records.filter((r) => !accepted.has(r.eventId));
    if (notNew.length === 0) return records.map((r) => ({ outcome: 'accepted', eventId: r.eventId }));

    const { rows } = await this.pool.query<EarlierEvent>(SELECT_EARLIER_VOUCHER_EVENTS, [
      notNew.map((r) => r.storeId), notNew.map((r) => r.cashboxId), notNew.map((r) => r.receiptNumber),
      notNew.map((r) => r.voucherCodeHash), notNew.map((r) => r.eventType),
    ]);
    const earlier = new Map(rows.map((row) => [receiptKey({
      storeId: row.store_id, cashboxId: row.cashbox_id, receiptNumber: row.receipt_number,
      voucherCodeHash: row.voucher_code_hash, eventType: row.event_type,
    }), row]));
    const claimedKeys = await claimedIdempotencyKeys(this.pool, notNew);

    return records.map((record): VoucherEventWriteResult => {
      if (accepted.has(record.eventId)) return { outcome: 'accepted', eventId: record.eventId };
      const claim = record.idempotencyKey === null ? undefined : claimedKeys.get(claimKey(record));
      if (claim !== undefined && claim !== record.requestHash) return { outcome: 'key-reused' };
      // A retry (same key, same request, or the same receipt without a key): the original answer.
      const original = earlier.get(receiptKey(record));
      return original && original.request_hash === record.requestHash
        ? { outcome: 'duplicate', eventId: original.event_id }
        : { outcome: 'conflict' };
    });
  }
}
