import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaAdminService } from './admin/kafka-admin.service';
import { KafkaConfigurableModule } from './config/kafka.module-definition';
import { KafkaConsumerFactory } from './consumer/kafka-consumer.factory';
import { KafkaHealthIndicator } from './health/kafka.health';
import { kafkaClientProvider } from './kafka-client.provider';
import { KafkaProducerService } from './producer/kafka-producer.service';

const publicServices = [KafkaProducerService, KafkaConsumerFactory, KafkaAdminService, KafkaHealthIndicator];

/** Kafka for an app: `KafkaModule.forRoot({ brokers, clientId, topics })` or `forRootAsync`. */
@Module({
  imports: [TerminusModule],
  providers: [kafkaClientProvider, ...publicServices],
  exports: publicServices,
})
export class KafkaModule extends KafkaConfigurableModule {}
