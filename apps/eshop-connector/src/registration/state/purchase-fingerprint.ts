import { VoucherPurchasedEvent } from '@voucher-bridge/voucher-contract';

/**
 * Everything a purchase says, in one comparable string: a second purchase of a code is a harmless
 * repeat (a new event id for the same sale) only when this is equal. Times are compared as
 * instants, so `+01:00` and `Z` spellings of the same moment match. No voucher code in it.
 */
export function purchaseFingerprint(event: VoucherPurchasedEvent): string {
  const { amount, receiptNumber, purchasedAt, expiresAt } = event.payload;
  return JSON.stringify([
    event.source.storeId,
    event.source.cashboxId,
    receiptNumber,
    amount.value,
    amount.currency,
    new Date(purchasedAt).toISOString(),
    expiresAt ? new Date(expiresAt).toISOString() : null,
  ]);
}
