import { buildVoucherEvent, type VoucherEventInput } from '../envelope/build-voucher-event';
import { VoucherEventEnvelope } from '../envelope/voucher-event-envelope';
import { VoucherCancelledPayload } from './voucher-cancelled.payload';

export type VoucherCancelledEvent = VoucherEventEnvelope<VoucherCancelledPayload> & {
  eventType: 'voucher.cancelled';
  schemaVersion: 1;
};

export type VoucherCancelledInput = VoucherEventInput<VoucherCancelledPayload>;

/** Builds a `voucher.cancelled` v1 envelope. */
export function voucherCancelled(input: VoucherCancelledInput): VoucherCancelledEvent {
  return buildVoucherEvent('voucher.cancelled', 1, input);
}
