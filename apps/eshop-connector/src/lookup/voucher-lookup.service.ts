import { Injectable } from '@nestjs/common';
import { ProblemException } from '@voucher-bridge/http';
import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { toHistoryEntry } from './voucher-history.mapper';
import { VoucherLookupRepository } from './voucher-lookup.repository';
import { VoucherLookupResponseDto } from './voucher-lookup.response.dto';

/** The registry's read side, as the web shop sees it. */
@Injectable()
export class VoucherLookupService {
  constructor(private readonly registry: VoucherLookupRepository) {}

  async lookUp(voucherCode: string, now = new Date()): Promise<VoucherLookupResponseDto> {
    const found = await this.registry.find(hashVoucherCode(voucherCode));
    if (!found) {
      throw ProblemException.of(404, 'voucher-not-found', 'Voucher not found',
        'No voucher with this code is registered (yet: an event accepted by a cashbox reaches the registry a moment later).', { field: 'voucherCode' });
    }
    const { voucher, history } = found;
    const balance = Number(voucher.balance_minor);
    return {
      voucherCode: voucher.voucher_code_masked,
      status: statusOf(voucher.status, balance, voucher.expires_at, now),
      balance,
      currency: voucher.currency,
      issuedAt: voucher.issued_at.toISOString(),
      expiresAt: voucher.expires_at?.toISOString() ?? null,
      history: history.map(toHistoryEntry),
    };
  }
}

// Cancellation and a zero balance are final; expiry only matters while value is left.
function statusOf(stored: string, balance: number, expiresAt: Date | null, now: Date): VoucherLookupResponseDto['status'] {
  if (stored === 'cancelled') return 'cancelled';
  if (balance === 0) return 'redeemed';
  if (expiresAt !== null && expiresAt <= now) return 'expired';
  return 'active';
}
