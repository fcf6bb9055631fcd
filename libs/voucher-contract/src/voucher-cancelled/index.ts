export { VoucherCancelledPayload } from './voucher-cancelled.payload';
export { voucherCancelled } from './voucher-cancelled.event';
export type { VoucherCancelledEvent, VoucherCancelledInput } from './voucher-cancelled.event';
