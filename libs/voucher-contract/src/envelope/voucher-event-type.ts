/** Every event type the voucher topic carries, with the schema versions this build understands. */
export const VOUCHER_EVENT_TYPES = {
  'voucher.purchased': [1],
  'voucher.redeemed': [1],
  'voucher.cancelled': [1],
} as const;

export type VoucherEventType = keyof typeof VOUCHER_EVENT_TYPES;
