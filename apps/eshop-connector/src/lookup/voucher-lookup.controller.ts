import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiKeyThrottlerGuard, RequireApiKey } from '@voucher-bridge/api-keys';
import { VoucherLookupApiDocs } from './voucher-lookup.api-docs';
import { VoucherLookupRequestDto } from './voucher-lookup.request.dto';
import { VoucherLookupResponseDto } from './voucher-lookup.response.dto';
import { VoucherLookupService } from './voucher-lookup.service';

@Controller('v1/voucher-lookups')
@RequireApiKey('shop')
@UseGuards(ApiKeyThrottlerGuard)
export class VoucherLookupController {
  constructor(private readonly lookups: VoucherLookupService) {}

  /** POST, not GET: a voucher code is a bearer secret and must not end up in URLs or access logs. */
  @Post()
  @HttpCode(HttpStatus.OK)
  @VoucherLookupApiDocs()
  lookUp(@Body() request: VoucherLookupRequestDto): Promise<VoucherLookupResponseDto> {
    return this.lookups.lookUp(request.voucherCode);
  }
}
