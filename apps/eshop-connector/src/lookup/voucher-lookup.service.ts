import { Injectable } from '@nestjs/common';
import { PrismaService } from '@voucher-bridge/database';
import { ProblemException } from '@voucher-bridge/http';
import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { VoucherLookupResponseDto } from './voucher-lookup.response.dto';

/** The registry's read side, as the web shop sees it. */
@Injectable()
export class VoucherLookupService {
  constructor(private readonly prisma: PrismaService) {}

  async lookUp(voucherCode: string, now = new Date()): Promise<VoucherLookupResponseDto> {
    const voucher = await this.prisma.registryVoucher.findUnique({
      where: { voucherCodeHash: hashVoucherCode(voucherCode) },
    });
    if (!voucher) {
      throw ProblemException.of(404, 'voucher-not-found', 'Voucher not found',
        'No voucher with this code is registered.', { field: 'voucherCode' });
    }
    const expired = voucher.expiresAt !== null && voucher.expiresAt <= now;
    return {
      voucherCode: voucher.voucherCodeMasked,
      status: expired ? 'expired' : (voucher.status as 'active'),
      balance: Number(voucher.balanceMinor),
      currency: voucher.currency,
      issuedAt: voucher.issuedAt.toISOString(),
      expiresAt: voucher.expiresAt?.toISOString() ?? null,
    };
  }
}
