import { buildVoucherEvent, type VoucherEventInput } from '../envelope/build-voucher-event';
import { VoucherEventEnvelope } from '../envelope/voucher-event-envelope';
import { VoucherPurchasedPayload } from './voucher-purchased.payload';

export type VoucherPurchasedEvent = VoucherEventEnvelope<VoucherPurchasedPayload> & {
  eventType: 'voucher.purchased';
  schemaVersion: 1;
};

export type VoucherPurchasedInput = VoucherEventInput<VoucherPurchasedPayload>;

/** Builds a `voucher.purchased` v1 envelope; validate or serialise it afterwards. */
export function voucherPurchased(input: VoucherPurchasedInput): VoucherPurchasedEvent {
  return buildVoucherEvent('voucher.purchased', 1, input);
}
