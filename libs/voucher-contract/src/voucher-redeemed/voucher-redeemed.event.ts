import { buildVoucherEvent, type VoucherEventInput } from '../envelope/build-voucher-event';
import { VoucherEventEnvelope } from '../envelope/voucher-event-envelope';
import { VoucherRedeemedPayload } from './voucher-redeemed.payload';

export type VoucherRedeemedEvent = VoucherEventEnvelope<VoucherRedeemedPayload> & {
  eventType: 'voucher.redeemed';
  schemaVersion: 1;
};

export type VoucherRedeemedInput = VoucherEventInput<VoucherRedeemedPayload>;

/** Builds a `voucher.redeemed` v1 envelope. */
export function voucherRedeemed(input: VoucherRedeemedInput): VoucherRedeemedEvent {
  return buildVoucherEvent('voucher.redeemed', 1, input);
}
