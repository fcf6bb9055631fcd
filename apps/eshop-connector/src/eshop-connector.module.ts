import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { VoucherEnvironment, validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseModule } from '@voucher-bridge/database';
import { KafkaEnvironment, KafkaModule } from '@voucher-bridge/kafka';
import { voucherDeadLetterTopic, voucherTopic } from '@voucher-bridge/voucher-contract';
import { ConnectorEnvironment } from './config/connector.environment';
import { HealthModule } from './health/health.module';
import { LookupModule } from './lookup/lookup.module';
import { RegistrationModule } from './registration/registration.module';

/** eshop-connector: Kafka → registry (PostgreSQL) → lookups by the web shop. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(ConnectorEnvironment, VoucherEnvironment, DatabaseEnvironment, KafkaEnvironment),
    }),
    DatabaseModule.forRootAsync({
      isGlobal: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        url: config.getOrThrow('DATABASE_URL'),
        poolSize: config.getOrThrow('DATABASE_POOL_SIZE'),
      }),
    }),
    KafkaModule.forRootAsync({
      isGlobal: true,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const environment = config.getOrThrow<string>('VOUCHER_ENV');
        const spec = {
          numPartitions: config.getOrThrow<number>('KAFKA_TOPIC_PARTITIONS'),
          replicationFactor: config.getOrThrow<number>('KAFKA_TOPIC_REPLICATION_FACTOR'),
        };
        return {
          brokers: config.getOrThrow('KAFKA_BROKERS'),
          clientId: 'eshop-connector',
          deliveryTimeoutMs: config.getOrThrow('KAFKA_DELIVERY_TIMEOUT_MS'),
          topics: [
            { topic: voucherTopic(environment), ...spec },
            { topic: voucherDeadLetterTopic(environment), ...spec },
          ],
        };
      },
    }),
    RegistrationModule,
    LookupModule,
    HealthModule,
  ],
})
export class EshopConnectorModule {}
