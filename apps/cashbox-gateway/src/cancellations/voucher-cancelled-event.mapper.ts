import { VoucherCancelledEvent, voucherCancelled, withSeconds } from '@voucher-bridge/voucher-contract';
import { requestHash } from '../voucher-events/request.hash';
import { VoucherCancellationRequestDto } from './voucher-cancellation.request.dto';

/** A validated cancellation request as a `voucher.cancelled` event (valid by construction). */
export function toVoucherCancelledEvent(request: VoucherCancellationRequestDto, eventId: string, now: Date): VoucherCancelledEvent {
  return voucherCancelled({
    eventId,
    occurredAt: now.toISOString(),
    voucherCode: request.voucherCode,
    storeId: request.storeId,
    cashboxId: request.cashboxId,
    payload: { receiptNumber: request.receiptNumber, cancelledAt: withSeconds(request.cancelledAt), reason: request.reason },
  });
}

export function cancellationRequestHash(request: VoucherCancellationRequestDto): string {
  return requestHash('voucher.cancelled', [
    request.voucherCode, request.storeId, request.cashboxId, request.receiptNumber, request.cancelledAt, request.reason,
  ]);
}
