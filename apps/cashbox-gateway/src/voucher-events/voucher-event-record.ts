import type { VoucherEventRecord as KafkaRecord } from '@voucher-bridge/voucher-contract';

/**
 * A redemption or cancellation as the gateway stores it: the event row (hash and masked code
 * only) and its outbox message (the Kafka record), written together or not at all.
 */
export interface VoucherEventRecord {
  eventId: string;
  eventType: 'voucher.redeemed' | 'voucher.cancelled';
  voucherCodeHash: string;
  voucherCodeMasked: string;
  storeId: string;
  cashboxId: string;
  receiptNumber: string;
  /** Tells a retry (same hash) from a different request on the same receipt or key. */
  requestHash: string;
  topic: string;
  message: KafkaRecord;
  /** The cashbox key the request came with, which scopes its Idempotency-Key. */
  apiKeyId: string;
  idempotencyKey: string | null;
}

/**
 * `accepted`: written now. `duplicate`: this request was accepted before (a retry), `eventId` is
 * the original. `conflict`: the receipt already recorded a different event of this type for the
 * voucher. `key-reused`: the Idempotency-Key came with another request before.
 */
export type VoucherEventWriteResult =
  | { outcome: 'accepted'; eventId: string }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'conflict' }
  | { outcome: 'key-reused' };
