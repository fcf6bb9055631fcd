import { Module } from '@nestjs/common';
import { VoucherEventsModule } from '../voucher-events/voucher-events.module';
import { VoucherCancellationController } from './voucher-cancellation.controller';

@Module({ imports: [VoucherEventsModule], controllers: [VoucherCancellationController] })
export class CancellationsModule {}
