export { VoucherRedeemedPayload } from './voucher-redeemed.payload';
export { voucherRedeemed } from './voucher-redeemed.event';
export type { VoucherRedeemedEvent, VoucherRedeemedInput } from './voucher-redeemed.event';
