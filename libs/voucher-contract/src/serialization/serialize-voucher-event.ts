import { validateVoucherEvent } from './parse-voucher-event';
import { VoucherEvent } from './voucher-event';

/** Validates and encodes an event for the wire; an invalid event never leaves the producer. */
export function serializeVoucherEvent(event: VoucherEvent): string {
  validateVoucherEvent(event);
  return JSON.stringify(event);
}
