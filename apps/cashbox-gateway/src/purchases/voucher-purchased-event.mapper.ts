import { VoucherPurchasedEvent, voucherPurchased, withSeconds } from '@voucher-bridge/voucher-contract';
import { requestHash } from '../voucher-events/request.hash';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';

/**
 * A validated purchase request as a `voucher.purchased` event. The request DTO uses the
 * contract's own rules, so the event is valid by construction (proved in the spec): the hot path
 * does not validate it a second time.
 */
export function toVoucherPurchasedEvent(request: VoucherPurchaseRequestDto, eventId: string, now: Date): VoucherPurchasedEvent {
  return voucherPurchased({
    eventId,
    occurredAt: now.toISOString(),
    voucherCode: request.voucherCode,
    storeId: request.storeId,
    cashboxId: request.cashboxId,
    payload: {
      amount: { value: request.amount.value, currency: request.amount.currency },
      receiptNumber: request.receiptNumber,
      // Events carry RFC 3339 date-times, seconds included, as their JSON Schemas say.
      purchasedAt: withSeconds(request.purchasedAt),
      ...(request.expiresAt ? { expiresAt: withSeconds(request.expiresAt) } : {}),
    },
  });
}

export function purchaseRequestHash(request: VoucherPurchaseRequestDto): string {
  return requestHash('voucher.purchased', [
    request.voucherCode, request.amount.value, request.amount.currency, request.storeId, request.cashboxId,
    request.receiptNumber, request.purchasedAt, request.expiresAt ?? null,
  ]);
}
