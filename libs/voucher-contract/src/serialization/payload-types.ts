import { ClassConstructor } from 'class-transformer';
import { VoucherEventType } from '../envelope';
import { VoucherPurchasedPayload } from '../voucher-purchased';

/** The payload class for each event type; new types register here. */
export const PAYLOAD_TYPES: Record<VoucherEventType, ClassConstructor<object>> = {
  'voucher.purchased': VoucherPurchasedPayload,
};
