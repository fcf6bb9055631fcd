export { buildVoucherEvent } from './build-voucher-event';
export { newEventId } from './new-event-id';
export type { VoucherEventInput } from './build-voucher-event';
export { VoucherEventEnvelope } from './voucher-event-envelope';
export { VoucherEventSource } from './voucher-event-source';
export { VOUCHER_EVENT_TYPES } from './voucher-event-type';
export type { VoucherEventType } from './voucher-event-type';
