import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { AcceptVoucherEventService } from './accept-voucher-event.service';
import { VoucherEventOutboxRepository } from './voucher-event-outbox.repository';
import { voucherEventMetrics } from './voucher-event.metrics';

/** The accept path redemptions and cancellations share. */
@Module({
  imports: [OutboxModule],
  providers: [AcceptVoucherEventService, VoucherEventOutboxRepository, ...voucherEventMetrics],
  exports: [AcceptVoucherEventService],
})
export class VoucherEventsModule {}
