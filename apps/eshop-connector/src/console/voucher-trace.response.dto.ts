import { ApiProperty } from '@nestjs/swagger';

export class TraceAcceptedDto {
  @ApiProperty({ example: 'store-042' }) store!: string;
  @ApiProperty({ example: 'box-7' }) cashbox!: string;
  @ApiProperty({ example: 'R-1001' }) receiptNumber!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TracePublishedDto {
  @ApiProperty({ example: 'prod.voucher' }) topic!: string;
  @ApiProperty({ example: 2 }) partition!: number;
  @ApiProperty({ example: '1842', description: 'A string: offsets outgrow JavaScript numbers.' }) offset!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TraceRegisteredDto {
  @ApiProperty({ enum: ['applied', 'refused'] }) outcome!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The voucher\'s sequence number of this event (applied ones only).' }) sequence!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Balance after the event, in minor units.' }) balanceAfter!: number | null;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'INSUFFICIENT_FUNDS' }) rule!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TraceDeadLetterDto {
  @ApiProperty({ example: 'rec_17' }) id!: string;
  @ApiProperty({ example: 'rule-violation: UNKNOWN_VOUCHER' }) reason!: string;
  @ApiProperty({ enum: ['parked', 'replayed', 'discarded'] }) status!: string;
}

export class TraceDeliveryDto {
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'parked', 'discarded'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

/** One event of the voucher, as far as it got. A null step has not happened (yet). */
export class TraceEventDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'voucher.purchased' }) type!: string;
  @ApiProperty({ type: TraceAcceptedDto, nullable: true, description: 'Null when the event reached Kafka other than through a gateway.' }) accepted!: TraceAcceptedDto | null;
  @ApiProperty({ description: 'Accepted, still waiting in the outbox for the relay.' }) inOutbox!: boolean;
  @ApiProperty({ type: TracePublishedDto, nullable: true }) published!: TracePublishedDto | null;
  @ApiProperty({ type: TraceRegisteredDto, nullable: true }) registered!: TraceRegisteredDto | null;
  @ApiProperty({ type: TraceDeadLetterDto, nullable: true }) deadLetter!: TraceDeadLetterDto | null;
  @ApiProperty({ type: [TraceDeliveryDto] }) deliveries!: TraceDeliveryDto[];
}

export class TraceVoucherDto {
  @ApiProperty({ description: 'As stored in the registry (e.g. active, cancelled).' }) status!: string;
  @ApiProperty() balance!: number;
  @ApiProperty() currency!: string;
}

/** `POST /v1/operations/voucher-traces`: one voucher end to end. */
export class VoucherTraceDto {
  @ApiProperty({ example: '****ABCD', description: 'Masked: the code itself is never echoed.' }) voucherCode!: string;
  @ApiProperty({ type: TraceVoucherDto, nullable: true, description: 'Null when nothing is registered (yet).' }) voucher!: TraceVoucherDto | null;
  @ApiProperty({ type: [TraceEventDto] }) events!: TraceEventDto[];
}
