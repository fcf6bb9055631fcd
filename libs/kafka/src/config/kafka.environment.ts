import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DEFAULT_DELIVERY_TIMEOUT_MS } from './broker-connection.settings';

/** Kafka variables shared by every app; validated at start-up. */
export class KafkaEnvironment {
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((b) => b.trim()).filter(Boolean) : value))
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one host:port, comma-separated' })
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { each: true, message: 'KAFKA_BROKERS entries must be host:port' })
  KAFKA_BROKERS!: string[];

  @IsInt()
  @Min(1)
  KAFKA_TOPIC_PARTITIONS: number = 6;

  @IsInt()
  @Min(1)
  KAFKA_TOPIC_REPLICATION_FACTOR: number = 1;

  @IsInt()
  @Min(1000)
  @Max(600_000)
  KAFKA_DELIVERY_TIMEOUT_MS: number = DEFAULT_DELIVERY_TIMEOUT_MS;
}
