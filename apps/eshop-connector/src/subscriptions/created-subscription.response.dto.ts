import { ApiProperty } from '@nestjs/swagger';
import { SUBSCRIBABLE_EVENT_TYPES } from './subscription-event-types';

/** Answer of `POST /v1/subscriptions`: the only answer that ever carries the secret. */
export class CreatedSubscriptionDto {
  @ApiProperty({ format: 'uuid', example: '8d3c6f0e-2b1a-4c5d-9e8f-7a6b5c4d3e2f' })
  id!: string;

  @ApiProperty({ example: 'https://shop.example.com/voucher-events' })
  url!: string;

  @ApiProperty({ enum: SUBSCRIBABLE_EVENT_TYPES, isArray: true, example: SUBSCRIBABLE_EVENT_TYPES })
  eventTypes!: string[];

  @ApiProperty({
    pattern: '^whsec_[A-Za-z0-9+/]{43}=$', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Ps1BMO8vEs=',
    description: 'The Standard Webhooks signing secret (`new Webhook(secret)` of the `standardwebhooks` package verifies our signatures). Shown only here: store it.',
  })
  secret!: string;
}
