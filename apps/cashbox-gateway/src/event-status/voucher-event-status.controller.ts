import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ApiKeyThrottlerGuard, CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import { ProblemException } from '@voucher-bridge/http';
import { eventIdOf } from './event-id.param';
import { VoucherEventStatusApiDocs } from './voucher-event-status.api-docs';
import { VoucherEventStatusRepository } from './voucher-event-status.repository';
import { VoucherEventStatusDto } from './voucher-event-status.response.dto';

@Controller('v1/voucher-events')
@RequireApiKey('cashbox')
@UseGuards(ApiKeyThrottlerGuard)
export class VoucherEventStatusController {
  constructor(private readonly events: VoucherEventStatusRepository) {}

  /**
   * What became of an event this cashbox's store sent: accepted (stored, not on Kafka yet) or
   * published (with topic, partition and offset). Another store's event is answered like an
   * unknown one, 404, so ids cannot be probed across stores.
   */
  @Get(':eventId')
  @VoucherEventStatusApiDocs()
  async status(@CurrentApiKey() key: ApiKey, @Param('eventId') eventId: string): Promise<VoucherEventStatusDto> {
    const status = key.storeId === null ? undefined : await this.events.find(eventIdOf(eventId), key.storeId);
    if (!status) {
      throw ProblemException.of(404, 'voucher-event-not-found', 'Voucher event not found',
        'No event with this id was accepted for this store.');
    }
    return status;
  }
}
