import { VoucherRedeemedEvent, voucherRedeemed, withSeconds } from '@voucher-bridge/voucher-contract';
import { requestHash } from '../voucher-events/request.hash';
import { VoucherRedemptionRequestDto } from './voucher-redemption.request.dto';

/** A validated redemption request as a `voucher.redeemed` event (valid by construction). */
export function toVoucherRedeemedEvent(request: VoucherRedemptionRequestDto, eventId: string, now: Date): VoucherRedeemedEvent {
  return voucherRedeemed({
    eventId,
    occurredAt: now.toISOString(),
    voucherCode: request.voucherCode,
    storeId: request.storeId,
    cashboxId: request.cashboxId,
    payload: {
      amount: { value: request.amount.value, currency: request.amount.currency },
      receiptNumber: request.receiptNumber,
      redeemedAt: withSeconds(request.redeemedAt),
    },
  });
}

export function redemptionRequestHash(request: VoucherRedemptionRequestDto): string {
  return requestHash('voucher.redeemed', [
    request.voucherCode, request.amount.value, request.amount.currency, request.storeId, request.cashboxId,
    request.receiptNumber, request.redeemedAt,
  ]);
}
