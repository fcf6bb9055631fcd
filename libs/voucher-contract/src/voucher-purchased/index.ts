export { VoucherPurchasedPayload } from './voucher-purchased.payload';
export { voucherPurchased } from './voucher-purchased.event';
export type { VoucherPurchasedEvent, VoucherPurchasedInput } from './voucher-purchased.event';
