import { VoucherHistoryEntryDto } from './voucher-history-entry.dto';

export interface VoucherLookupResponseDto {
  /** The code as logs and screens may show it. */
  voucherCode: string;
  /** `redeemed`: balance 0; `expired`: past expiresAt now (a cancelled voucher stays `cancelled`). */
  status: 'active' | 'redeemed' | 'cancelled' | 'expired';
  /** Remaining value in minor units of `currency`. */
  balance: number;
  currency: string;
  issuedAt: string;
  expiresAt: string | null;
  /** The events applied to and refused for this voucher, in the order they were handled. */
  history: VoucherHistoryEntryDto[];
}
