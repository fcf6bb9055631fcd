/** One event of a voucher's history as the web shop sees it: applied, or refused with the rule. */
export interface VoucherHistoryEntryDto {
  eventId: string;
  /** `voucher.purchased`, `voucher.redeemed` or `voucher.cancelled`. */
  type: string;
  store: string;
  cashbox: string;
  occurredAt: string;
  outcome: 'applied' | 'refused';
  /** 1, 2, 3 … for applied events; absent for refused ones. */
  sequence?: number;
  /** Purchased or redeemed amount; null for a cancellation. */
  amount: { value: number; currency: string } | null;
  /** The balance after the event (after a refused one: unchanged). */
  balanceAfter: number | null;
  /** For refused events: the rule broken, e.g. INSUFFICIENT_FUNDS. */
  rule?: string;
}
