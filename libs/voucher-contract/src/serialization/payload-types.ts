import { ClassConstructor } from 'class-transformer';
import { VoucherEventType } from '../envelope';
import { VoucherCancelledPayload } from '../voucher-cancelled';
import { VoucherPurchasedPayload } from '../voucher-purchased';
import { VoucherRedeemedPayload } from '../voucher-redeemed';

/** The payload class for each event type; new types register here. */
export const PAYLOAD_TYPES: Record<VoucherEventType, ClassConstructor<object>> = {
  'voucher.purchased': VoucherPurchasedPayload,
  'voucher.redeemed': VoucherRedeemedPayload,
  'voucher.cancelled': VoucherCancelledPayload,
};
