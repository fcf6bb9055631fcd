import { Module } from '@nestjs/common';
import { VoucherLookupController } from './voucher-lookup.controller';
import { VoucherLookupRepository } from './voucher-lookup.repository';
import { VoucherLookupService } from './voucher-lookup.service';

@Module({
  controllers: [VoucherLookupController],
  providers: [VoucherLookupService, VoucherLookupRepository],
})
export class LookupModule {}
