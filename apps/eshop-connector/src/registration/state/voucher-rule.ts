/**
 * The rules of the voucher state machine, by the names operators see in the lookup history, the
 * parked-event table and the dead-letter headers. An event that breaks one is never retried:
 * no retry can make it valid, the voucher's state refuses it.
 */
export const VOUCHER_RULES = [
  'UNKNOWN_VOUCHER',
  'PURCHASE_CONFLICT',
  'VOUCHER_CANCELLED',
  'VOUCHER_FULLY_REDEEMED',
  'VOUCHER_EXPIRED',
  'MISMATCHING_CURRENCY',
  'INSUFFICIENT_FUNDS',
] as const;

export type VoucherRule = (typeof VOUCHER_RULES)[number];
