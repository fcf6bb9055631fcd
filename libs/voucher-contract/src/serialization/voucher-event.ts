import type { VoucherCancelledEvent } from '../voucher-cancelled';
import type { VoucherPurchasedEvent } from '../voucher-purchased';
import type { VoucherRedeemedEvent } from '../voucher-redeemed';

/** Every voucher event this build understands, discriminated by `eventType`. */
export type VoucherEvent = VoucherPurchasedEvent | VoucherRedeemedEvent | VoucherCancelledEvent;
