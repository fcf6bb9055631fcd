import { Module } from '@nestjs/common';
import { VoucherEventsModule } from '../voucher-events/voucher-events.module';
import { VoucherRedemptionController } from './voucher-redemption.controller';

@Module({ imports: [VoucherEventsModule], controllers: [VoucherRedemptionController] })
export class RedemptionsModule {}
