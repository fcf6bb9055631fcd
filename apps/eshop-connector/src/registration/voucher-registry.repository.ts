import { Injectable } from '@nestjs/common';
import { PrismaService } from '@voucher-bridge/database';
import { VoucherPurchasedEvent, hashVoucherCode, maskVoucherCode } from '@voucher-bridge/voucher-contract';
import { REGISTER_PURCHASED_VOUCHERS } from './registration.sql';

/** The shop-side registry's write side. Vouchers are stored under the hash of their code. */
@Injectable()
export class VoucherRegistryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Applies a batch of purchases atomically; events applied before are skipped. */
  async registerPurchases(events: VoucherPurchasedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.prisma.$executeRawUnsafe(
      REGISTER_PURCHASED_VOUCHERS,
      events.map((e) => e.eventId),
      events.map((e) => hashVoucherCode(e.voucherCode)),
      events.map((e) => maskVoucherCode(e.voucherCode)),
      events.map((e) => e.payload.amount.value),
      events.map((e) => e.payload.amount.currency),
      events.map((e) => e.payload.purchasedAt),
      events.map((e) => e.payload.expiresAt ?? null),
    );
  }
}
