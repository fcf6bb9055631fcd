export { InvalidVoucherEventError } from './invalid-voucher-event.error';
export type { InvalidVoucherEventReason } from './invalid-voucher-event.error';
export { parseVoucherEvent, validateVoucherEvent } from './parse-voucher-event';
export { serializeVoucherEvent } from './serialize-voucher-event';
export type { VoucherEvent } from './voucher-event';
