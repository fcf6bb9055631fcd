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
}

/**
 * `accepted`: written now. `duplicate`: the same purchase was accepted before (a cashbox retry);
 * `eventId` is the original one. `conflict`: the voucher code was sold on another receipt.
 */
export type PurchaseWriteResult =
  | { outcome: 'accepted'; eventId: string }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'conflict' };
