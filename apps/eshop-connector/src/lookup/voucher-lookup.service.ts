import { Injectable } from '@nestjs/common';
import { PrismaService } from '@voucher-bridge/database';
import { ProblemException } from '@voucher-bridge/http';
import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { toHistoryEntry } from './voucher-history.mapper';
import { VoucherLookupResponseDto } from './voucher-lookup.response.dto';

/** The registry's read side, as the web shop sees it. */
@Injectable()
export class VoucherLookupService {
  constructor(private readonly prisma: PrismaService) {}

  async lookUp(voucherCode: string, now = new Date()): Promise<VoucherLookupResponseDto> {
    const voucherCodeHash = hashVoucherCode(voucherCode);
    const [voucher, history] = await Promise.all([
      this.prisma.registryVoucher.findUnique({ where: { voucherCodeHash } }),
      this.prisma.registryVoucherHistory.findMany({ where: { voucherCodeHash }, orderBy: { id: 'asc' } }),
    ]);
    if (!voucher) {
      throw ProblemException.of(404, 'voucher-not-found', 'Voucher not found',
        'No voucher with this code is registered.', { field: 'voucherCode' });
    }
    return {
      voucherCode: voucher.voucherCodeMasked,
      status: statusOf(voucher.status, voucher.balanceMinor, voucher.expiresAt, now),
      balance: Number(voucher.balanceMinor),
      currency: voucher.currency,
      issuedAt: voucher.issuedAt.toISOString(),
      expiresAt: voucher.expiresAt?.toISOString() ?? null,
      history: history.map(toHistoryEntry),
    };
  }
}

// Cancellation and a zero balance are final; expiry only matters while value is left.
function statusOf(stored: string, balance: bigint, expiresAt: Date | null, now: Date): VoucherLookupResponseDto['status'] {
  if (stored === 'cancelled') return 'cancelled';
  if (balance === 0n) return 'redeemed';
  if (expiresAt !== null && expiresAt <= now) return 'expired';
  return 'active';
}
