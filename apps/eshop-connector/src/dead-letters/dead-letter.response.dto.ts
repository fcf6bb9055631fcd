import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeadLetterSourceDto {
  @ApiProperty({ example: 'prod.voucher' })
  topic!: string;

  @ApiProperty({ type: 'integer', example: 3 })
  partition!: number;

  @ApiProperty({ example: '1842', description: 'A string: offsets are 64-bit.' })
  offset!: string;
}

/** One dead letter: a Kafka record the connector parked, or a push to the shop that was parked. */
export class DeadLetterDto {
  @ApiProperty({ example: 'rec_17', description: '`rec_<n>` for a record, `dlv_<subscription id>_<event id>` for a delivery.' })
  id!: string;

  @ApiProperty({ enum: ['record', 'delivery'] })
  kind!: 'record' | 'delivery';

  @ApiProperty({ enum: ['invalid-record', 'rule-violation', 'processing-error', 'delivery-failed'] })
  reasonClass!: string;

  @ApiProperty({ example: 'INSUFFICIENT_FUNDS', description: 'A record\'s rule or parse failure; a delivery\'s `http-<status>`, or `no-response`, `address-refused`, `cannot-sign`, `subscription-disabled`, `subscription-deleted`.' })
  reason!: string;

  @ApiProperty({ example: 'the redemption of 9000 exceeds the balance of 4000' })
  detail!: string;

  @ApiProperty({ enum: ['parked', 'replayed', 'discarded'] })
  status!: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'Tries so far: 1 when parked, one more for each replay that failed again.' })
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  parkedAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why an operator discarded it.' })
  resolution!: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '****ABCD', description: 'The record key masked (never the code itself); null without a key.' })
  voucherCode!: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'null when no event could be read from the record.' })
  eventId!: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'voucher.redeemed' })
  eventType!: string | null;

  @ApiPropertyOptional({ type: () => DeadLetterSourceDto, description: 'Records: where the record is on Kafka (a replay reads it from there).' })
  source?: DeadLetterSourceDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Deliveries: the subscription it was pushed to.' })
  subscriptionId?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Deliveries: the last HTTP status the shop answered.' })
  lastStatus?: number | null;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: () => DeadLetterDto, isArray: true, description: 'Oldest first.' })
  items!: DeadLetterDto[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
