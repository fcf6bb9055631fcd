export interface VoucherLookupResponseDto {
  /** The code as logs and screens may show it. */
  voucherCode: string;
  status: 'active' | 'expired';
  /** Remaining value in minor units of `currency`. */
  balance: number;
  currency: string;
  issuedAt: string;
  expiresAt: string | null;
}
