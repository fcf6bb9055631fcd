/** What the registry knows of one voucher: the state the next event is applied to. */
export interface VoucherState {
  /** `redeemed` once the balance reached 0; `expired` is not stored, it depends on the clock. */
  status: 'active' | 'redeemed' | 'cancelled';
  /** Remaining value in minor units of `currency`. */
  balance: number;
  currency: string;
  issuedAt: Date;
  expiresAt: Date | null;
  /** Sequence number of the last applied event: the purchase is 1. */
  sequence: number;
  /** See `purchaseFingerprint`; null for vouchers registered before it was kept. */
  purchaseFingerprint: string | null;
}
