import { ApiProperty } from '@nestjs/swagger';
import type { VoucherEventType } from '@voucher-bridge/voucher-contract';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SUBSCRIBABLE_EVENT_TYPES } from './subscription-event-types';

/** Body of `POST /v1/subscriptions`. Which URLs are allowed is the URL policy's call, after this. */
export class CreateSubscriptionRequestDto {
  @ApiProperty({ maxLength: 2048, example: 'https://shop.example.com/voucher-events', description: 'Where the connector POSTs the events. https only in prod; see the URL rules.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ enum: SUBSCRIBABLE_EVENT_TYPES, isArray: true, minItems: 1, uniqueItems: true, example: SUBSCRIBABLE_EVENT_TYPES })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_EVENT_TYPES, { each: true, message: `each value in eventTypes must be one of ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}` })
  eventTypes!: VoucherEventType[];
}
