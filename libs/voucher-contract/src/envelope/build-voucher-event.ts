import type { VoucherEventEnvelope } from './voucher-event-envelope';
import type { VoucherEventType } from './voucher-event-type';

/** What a producer knows of an event; the builder adds type and schema version. */
export interface VoucherEventInput<TPayload extends object> {
  eventId: string;
  occurredAt: string;
  voucherCode: string;
  storeId: string;
  cashboxId: string;
  payload: TPayload;
}

/** One envelope shape for every event type; validate or serialise it afterwards. */
export function buildVoucherEvent<TType extends VoucherEventType, TVersion extends number, TPayload extends object>(
  eventType: TType,
  schemaVersion: TVersion,
  input: VoucherEventInput<TPayload>,
): VoucherEventEnvelope<TPayload> & { eventType: TType; schemaVersion: TVersion } {
  return {
    eventId: input.eventId,
    eventType,
    schemaVersion,
    occurredAt: input.occurredAt,
    source: { storeId: input.storeId, cashboxId: input.cashboxId },
    voucherCode: input.voucherCode,
    payload: input.payload,
  };
}
