import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { AcceptVoucherPurchaseService } from './accept-voucher-purchase.service';
import { purchaseMetrics } from './purchase.metrics';
import { PurchaseOutboxRepository } from './purchase-outbox.repository';
import { VoucherPurchaseController } from './voucher-purchase.controller';

@Module({
  imports: [OutboxModule],
  controllers: [VoucherPurchaseController],
  providers: [AcceptVoucherPurchaseService, PurchaseOutboxRepository, ...purchaseMetrics],
})
export class PurchasesModule {}
