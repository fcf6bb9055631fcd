import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import { assertKeyIsFor } from '../auth/cashbox-binding';
import { AcceptVoucherPurchaseService } from './accept-voucher-purchase.service';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';
import { VoucherPurchaseAcceptedDto } from './voucher-purchase.response.dto';

@Controller('v1/voucher-purchases')
@RequireApiKey('cashbox')
export class VoucherPurchaseController {
  constructor(private readonly acceptPurchase: AcceptVoucherPurchaseService) {}

  /** 202: stored durably and on its way to the web shop; a retry of the same purchase gets the same eventId. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  accept(@CurrentApiKey() key: ApiKey, @Body() request: VoucherPurchaseRequestDto): Promise<VoucherPurchaseAcceptedDto> {
    assertKeyIsFor(key, request);
    return this.acceptPurchase.accept(request);
  }
}
