export { voucherEventJsonSchemas } from './voucher-event-json-schemas';
