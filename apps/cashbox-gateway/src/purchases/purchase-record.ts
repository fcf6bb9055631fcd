/** One accepted purchase and its outbox message, written together or not at all. */
export interface PurchaseRecord {
  eventId: string;
  voucherCodeHash: string;
  voucherCodeMasked: string;
  amountMinor: number;
  currency: string;
  storeId: string;
  cashboxId: string;
  receiptNumber: string;
  purchasedAt: string;
  expiresAt: string | null;
  topic: string;
  messageKey: string;
  payload: string;
  /** Kafka headers of the record (CloudEvents attributes). */
  headers: Record<string, string>;
  /** The cashbox key the request came with, which scopes its Idempotency-Key. */
  apiKeyId: string;
  idempotencyKey: string | null;
  /** Tells a retry (same hash) from another request reusing the key. */
  requestHash: string;
}

/**
 * `accepted`: written now. `duplicate`: the same purchase was accepted before (a cashbox retry);
 * `eventId` is the original one. `conflict`: the voucher code was sold on another receipt.
 * `key-reused`: the Idempotency-Key came with another request before; nothing was written.
 */
export type PurchaseWriteResult =
  | { outcome: 'accepted'; eventId: string }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'conflict' }
  | { outcome: 'key-reused' };
