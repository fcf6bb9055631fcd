import { createHash } from 'node:crypto';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';

/**
 * Fingerprint of what a purchase request asks for, to tell a retry from a different request
 * that reuses an Idempotency-Key. Fields in a fixed order, so the body's key order does not matter.
 */
export function purchaseRequestHash(request: VoucherPurchaseRequestDto): string {
  const fields = [
    'voucher.purchased', request.voucherCode, request.amount.value, request.amount.currency, request.storeId,
    request.cashboxId, request.receiptNumber, request.purchasedAt, request.expiresAt ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
