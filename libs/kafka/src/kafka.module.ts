import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaAdminService } from './admin/kafka-admin.service';
import { KafkaConfigurableModule } from './config/kafka.module-definition';
import type { KafkaTopicSpec } from './config/kafka-module.options';
import { KafkaConsumerFactory } from './consumer/kafka-consumer.factory';
import { KafkaHealthIndicator } from './health/kafka.health';
import { kafkaClientProvider } from './kafka-client.provider';
import { KafkaProducerService } from './producer/kafka-producer.service';
import { KafkaRecordReader } from './reader/kafka-record.reader';
import { KafkaTransactionsService } from './transactions/kafka-transactions.service';

const publicServices = [KafkaProducerService, KafkaTransactionsService, KafkaConsumerFactory, KafkaAdminService, KafkaHealthIndicator, KafkaRecordReader];

/** Kafka for an app: `KafkaModule.fromEnvironment(...)`, or `forRoot` / `forRootAsync`. */
@Module({
  imports: [TerminusModule],
  providers: [kafkaClientProvider, ...publicServices],
  exports: publicServices,
})
export class KafkaModule extends KafkaConfigurableModule {
  /**
   * Global, configured from the variables `KafkaEnvironment` validated. `topics` names the
   * topics to create at start-up, with the configured partitions and replication factor unless
   * a topic's own spec says otherwise (a compacted one-partition position topic, say).
   */
  static fromEnvironment(clientId: string, topics: (config: ConfigService) => (string | Partial<KafkaTopicSpec> & { topic: string })[]): DynamicModule {
    return KafkaModule.forRootAsync({
      isGlobal: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        brokers: config.getOrThrow<string[]>('KAFKA_BROKERS'),
        clientId,
        deliveryTimeoutMs: config.getOrThrow<number>('KAFKA_DELIVERY_TIMEOUT_MS'),
        topics: topics(config).map((topic) => ({
          numPartitions: config.getOrThrow<number>('KAFKA_TOPIC_PARTITIONS'),
          replicationFactor: config.getOrThrow<number>('KAFKA_TOPIC_REPLICATION_FACTOR'),
          ...(typeof topic === 'string' ? { topic } : topic),
        })),
      }),
    });
  }
}
