import { ApiProperty } from '@nestjs/swagger';
import { SUBSCRIBABLE_EVENT_TYPES } from './subscription-event-types';

/** A subscription as `GET` shows it: never its secret. */
export class SubscriptionDto {
  @ApiProperty({ format: 'uuid', example: '8d3c6f0e-2b1a-4c5d-9e8f-7a6b5c4d3e2f' })
  id!: string;

  @ApiProperty({ example: 'https://shop.example.com/voucher-events' })
  url!: string;

  @ApiProperty({ enum: SUBSCRIBABLE_EVENT_TYPES, isArray: true, example: ['voucher.purchased', 'voucher.redeemed'] })
  eventTypes!: string[];

  /** `disabled`: the endpoint answered 410 Gone (or an operator disabled it); nothing is pushed. */
  @ApiProperty({ enum: ['active', 'disabled'], example: 'active', description: '`disabled`: the endpoint answered 410 Gone, or an operator disabled it; nothing is pushed to it.' })
  status!: string;

  @ApiProperty({ type: 'string', nullable: true, example: null, description: 'Why the subscription was disabled; null while active.' })
  disabledReason!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T10:15:00.000Z' })
  createdAt!: string;
}
