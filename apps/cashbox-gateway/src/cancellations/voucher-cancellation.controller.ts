import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ApiKeyThrottlerGuard, CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import { newEventId } from '@voucher-bridge/voucher-contract';
import { assertKeyIsFor } from '../auth/cashbox-binding';
import { idempotencyKeyOf } from '../idempotency/idempotency-key.header';
import { VoucherCancellationApiDocs } from './voucher-cancellation.api-docs';
import { AcceptVoucherEventService } from '../voucher-events/accept-voucher-event.service';
import type { VoucherEventAcceptedDto } from '../voucher-events/voucher-event-accepted.dto';
import { cancellationRequestHash, toVoucherCancelledEvent } from './voucher-cancelled-event.mapper';
import { VoucherCancellationRequestDto } from './voucher-cancellation.request.dto';

@Controller('v1/voucher-cancellations')
@RequireApiKey('cashbox')
@UseGuards(ApiKeyThrottlerGuard)
export class VoucherCancellationController {
  constructor(private readonly acceptEvent: AcceptVoucherEventService) {}

  /** 202: recorded durably; the registry cancels the voucher for good when it applies the event. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @VoucherCancellationApiDocs()
  cancel(
    @CurrentApiKey() key: ApiKey,
    @Body() request: VoucherCancellationRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VoucherEventAcceptedDto> {
    const idempotency = idempotencyKeyOf(idempotencyKey);
    assertKeyIsFor(key, request);
    return this.acceptEvent.accept({
      event: toVoucherCancelledEvent(request, newEventId(), new Date()),
      receiptNumber: request.receiptNumber,
      requestHash: cancellationRequestHash(request),
      apiKeyId: key.id,
      idempotencyKey: idempotency,
    });
  }
}
