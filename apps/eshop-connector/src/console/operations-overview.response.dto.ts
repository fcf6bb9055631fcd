import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One app's readiness, as its own checks say. */
export class AppHealth {
  @ApiProperty({ enum: ['cashbox-gateway', 'eshop-connector'] })
  name!: 'cashbox-gateway' | 'eshop-connector';

  @ApiProperty({ enum: ['up', 'down', 'unknown'] })
  status!: 'up' | 'down' | 'unknown';

  @ApiProperty({ type: String, nullable: true, description: 'Why it is down or unknown.' })
  message!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The app\'s readiness details (database, kafka, outbox, …).' })
  details!: Record<string, unknown>;
}

export class PartitionLagDto {
  @ApiProperty() partition!: number;
  @ApiProperty({ type: String, nullable: true }) committed!: string | null;
  @ApiProperty({ type: String, nullable: true }) end!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null while unknown (nothing committed yet).' }) lag!: number | null;
}

export class ConsumerOverviewDto {
  @ApiProperty() groupId!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() connected!: boolean;
  @ApiProperty({ type: [Number], description: 'Partitions this connector instance consumes.' }) assigned!: number[];
  @ApiProperty({ type: Number, nullable: true }) totalLag!: number | null;
  @ApiProperty({ type: [PartitionLagDto] }) partitions!: PartitionLagDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the lag is not known.' }) lagError!: string | null;
}

export class OutboxOverviewDto {
  @ApiProperty({ description: 'Accepted events not yet published to Kafka.' }) backlog!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Age in seconds of the oldest unsent one.' }) oldestSeconds!: number | null;
}

export class EventsPerMinuteDto {
  @ApiProperty({ description: 'Accepted by the gateways in the last 60 s.' }) accepted!: number;
  @ApiProperty({ description: 'Applied to the registry in the last 60 s.' }) registered!: number;
  @ApiProperty({ description: 'Refused by a voucher rule in the last 60 s.' }) refused!: number;
  @ApiProperty({ description: 'Records and pushes parked in the last 60 s.' }) parked!: number;
}

export class ParkedOverviewDto {
  @ApiProperty() records!: number;
  @ApiProperty() deliveries!: number;
  @ApiProperty({ type: Number, nullable: true }) oldestSeconds!: number | null;
}

export class FailingSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: string;
  @ApiProperty({ description: 'Pushes due again after a failed attempt.' }) retrying!: number;
  @ApiProperty() parked!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
}

export class LastErrorDto {
  @ApiProperty({ enum: ['record', 'delivery'] }) kind!: 'record' | 'delivery';
  @ApiProperty({ description: 'The dead letter\'s id (rec_… or dlv_…).' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() detail!: string;
}

/** `GET /v1/operations/overview`: is everything flowing? Each part answers alone. */
export class OperationsOverviewDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [AppHealth] }) apps!: AppHealth[];
  @ApiProperty({ type: ConsumerOverviewDto }) consumer!: ConsumerOverviewDto;
  @ApiPropertyOptional({ type: OutboxOverviewDto, nullable: true }) outbox!: OutboxOverviewDto | null;
  @ApiPropertyOptional({ type: EventsPerMinuteDto, nullable: true }) perMinute!: EventsPerMinuteDto | null;
  @ApiPropertyOptional({ type: ParkedOverviewDto, nullable: true }) parked!: ParkedOverviewDto | null;
  @ApiProperty({ type: [FailingSubscriptionDto] }) failingSubscriptions!: FailingSubscriptionDto[];
  @ApiProperty({ type: [LastErrorDto] }) lastErrors!: LastErrorDto[];
  @ApiProperty({ type: [String], description: 'Parts that could not be read, with the reason (the others are still shown).' }) errors!: string[];
}
