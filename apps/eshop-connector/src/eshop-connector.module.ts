import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeysEnvironment, ApiKeysModule } from '@voucher-bridge/api-keys';
import { VoucherEnvironment, validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseHealthIndicator, DatabaseModule } from '@voucher-bridge/database';
import { HealthModule } from '@voucher-bridge/health';
import { KafkaEnvironment, KafkaHealthIndicator, KafkaModule } from '@voucher-bridge/kafka';
import { MetricsModule } from '@voucher-bridge/metrics';
import { voucherDeadLetterTopic, voucherTopic } from '@voucher-bridge/voucher-contract';
import { ConnectorEnvironment } from './config/connector.environment';
import { LookupModule } from './lookup/lookup.module';
import { RegistrationModule } from './registration/registration.module';

/** eshop-connector: Kafka → registry (PostgreSQL) → lookups by the web shop. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(ConnectorEnvironment, VoucherEnvironment, DatabaseEnvironment, KafkaEnvironment, ApiKeysEnvironment),
    }),
    DatabaseModule.fromEnvironment(),
    // Lookups need the shop's key and are rate-limited per key.
    ApiKeysModule.withGuard(),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => [{ ttl: 1_000, limit: config.getOrThrow<number>('LOOKUP_RATE_LIMIT_PER_SECOND') }],
    }),
    KafkaModule.fromEnvironment('eshop-connector', (config) => {
      const environment = config.getOrThrow<string>('VOUCHER_ENV');
      return [voucherTopic(environment), voucherDeadLetterTopic(environment)];
    }),
    MetricsModule.forApp('eshop-connector'),
    RegistrationModule,
    LookupModule,
    // Without Kafka the registry goes stale: the connector is not ready.
    HealthModule.forApp({
      inject: [DatabaseHealthIndicator, KafkaHealthIndicator],
      checks: (database: DatabaseHealthIndicator, kafka: KafkaHealthIndicator) => [
        () => database.isHealthy(),
        () => kafka.isHealthy(),
      ],
    }),
  ],
})
export class EshopConnectorModule {}
