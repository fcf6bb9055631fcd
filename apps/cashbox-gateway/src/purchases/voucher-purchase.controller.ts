import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ApiKeyThrottlerGuard, CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import { assertKeyIsFor } from '../auth/cashbox-binding';
import { idempotencyKeyOf } from '../idempotency/idempotency-key.header';
import { AcceptVoucherPurchaseService } from './accept-voucher-purchase.service';
import { VoucherPurchaseApiDocs } from './voucher-purchase.api-docs';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';
import type { VoucherEventAcceptedDto } from '../voucher-events/voucher-event-accepted.dto';

@Controller('v1/voucher-purchases')
@RequireApiKey('cashbox')
@UseGuards(ApiKeyThrottlerGuard)
export class VoucherPurchaseController {
  constructor(private readonly acceptPurchase: AcceptVoucherPurchaseService) {}

  /**
   * 202: stored durably and on its way to the web shop. A retry (same Idempotency-Key, or without
   * one the same purchase) gets the original answer; the key with another request gets 422.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @VoucherPurchaseApiDocs()
  accept(
    @CurrentApiKey() key: ApiKey,
    @Body() request: VoucherPurchaseRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VoucherEventAcceptedDto> {
    const idempotency = idempotencyKeyOf(idempotencyKey);
    assertKeyIsFor(key, request);
    return this.acceptPurchase.accept(request, key.id, idempotency);
  }
}
