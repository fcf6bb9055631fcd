import { Module } from '@nestjs/common';
import { VoucherLookupController } from './voucher-lookup.controller';
import { VoucherLookupService } from './voucher-lookup.service';

@Module({
  controllers: [VoucherLookupController],
  providers: [VoucherLookupService],
})
export class LookupModule {}
