import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ApiKeyThrottlerGuard, CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import { newEventId } from '@voucher-bridge/voucher-contract';
import { assertKeyIsFor } from '../auth/cashbox-binding';
import { idempotencyKeyOf } from '../idempotency/idempotency-key.header';
import { VoucherRedemptionApiDocs } from './voucher-redemption.api-docs';
import { AcceptVoucherEventService } from '../voucher-events/accept-voucher-event.service';
import type { VoucherEventAcceptedDto } from '../voucher-events/voucher-event-accepted.dto';
import { redemptionRequestHash, toVoucherRedeemedEvent } from './voucher-redeemed-event.mapper';
import { VoucherRedemptionRequestDto } from './voucher-redemption.request.dto';

@Controller('v1/voucher-redemptions')
@RequireApiKey('cashbox')
@UseGuards(ApiKeyThrottlerGuard)
export class VoucherRedemptionController {
  constructor(private readonly acceptEvent: AcceptVoucherEventService) {}

  /**
   * 202: recorded durably and on its way to the web shop, whose registry applies it to the
   * balance (a redemption over the balance is refused there and shows in the voucher's history).
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @VoucherRedemptionApiDocs()
  redeem(
    @CurrentApiKey() key: ApiKey,
    @Body() request: VoucherRedemptionRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VoucherEventAcceptedDto> {
    const idempotency = idempotencyKeyOf(idempotencyKey);
    assertKeyIsFor(key, request);
    return this.acceptEvent.accept({
      event: toVoucherRedeemedEvent(request, newEventId(), new Date()),
      receiptNumber: request.receiptNumber,
      requestHash: redemptionRequestHash(request),
      apiKeyId: key.id,
      idempotencyKey: idempotency,
    });
  }
}
