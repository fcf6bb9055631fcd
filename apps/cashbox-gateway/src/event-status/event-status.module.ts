import { Module } from '@nestjs/common';
import { VoucherEventStatusController } from './voucher-event-status.controller';
import { VoucherEventStatusRepository } from './voucher-event-status.repository';

/** GET /v1/voucher-events/{eventId}: a cashbox asks what became of its event. */
@Module({
  controllers: [VoucherEventStatusController],
  providers: [VoucherEventStatusRepository],
})
export class EventStatusModule {}
