import { VoucherEventEnvelope } from '../envelope/voucher-event-envelope';
import { VoucherPurchasedPayload } from './voucher-purchased.payload';

export type VoucherPurchasedEvent = VoucherEventEnvelope<VoucherPurchasedPayload> & {
  eventType: 'voucher.purchased';
  schemaVersion: 1;
};

export interface VoucherPurchasedInput {
  eventId: string;
  occurredAt: string;
  voucherCode: string;
  storeId: string;
  cashboxId: string;
  payload: VoucherPurchasedPayload;
}

/** Builds a `voucher.purchased` v1 envelope; validate or serialise it afterwards. */
export function voucherPurchased(input: VoucherPurchasedInput): VoucherPurchasedEvent {
  return {
    eventId: input.eventId,
    eventType: 'voucher.purchased',
    schemaVersion: 1,
    occurredAt: input.occurredAt,
    source: { storeId: input.storeId, cashboxId: input.cashboxId },
    voucherCode: input.voucherCode,
    payload: input.payload,
  };
}
