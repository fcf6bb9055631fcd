import { VoucherPurchasedEvent } from '../voucher-purchased';

/** Every voucher event this build understands, discriminated by `eventType`. */
export type VoucherEvent = VoucherPurchasedEvent;
