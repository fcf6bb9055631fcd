export { cloudEventHeaders } from './cloud-event-headers';
export { voucherEventRecord } from './voucher-event-record';
export type { VoucherEventRecord } from './voucher-event-record';
