import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeysEnvironment, ApiKeysModule } from '@voucher-bridge/api-keys';
import { VoucherEnvironment, VoucherTopics, VoucherTopicsModule, validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseHealthIndicator, DatabaseModule } from '@voucher-bridge/database';
import { HealthModule, advisory } from '@voucher-bridge/health';
import { KafkaEnvironment, KafkaHealthIndicator, KafkaModule } from '@voucher-bridge/kafka';
import { MetricsModule } from '@voucher-bridge/metrics';
import { ConnectorConfigModule } from './config/connector-config.module';
import { ConnectorEnvironment } from './config/connector.environment';
import { ConsoleModule } from './console/console.module';
import { WebhookDeliveryEnvironment } from './config/webhook-delivery.environment';
import { WebhookSecretsEnvironment } from './config/webhook-secrets.environment';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { LookupModule } from './lookup/lookup.module';
import { ConnectorStatusIndicator } from './operations/connector-status.health';
import { OperationsModule } from './operations/operations.module';
import { RegistrationModule } from './registration/registration.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/** eshop-connector: Kafka → registry (PostgreSQL) → lookups by the web shop. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(ConnectorEnvironment, WebhookDeliveryEnvironment, WebhookSecretsEnvironment, VoucherEnvironment, DatabaseEnvironment, KafkaEnvironment, ApiKeysEnvironment),
    }),
    ConnectorConfigModule,
    VoucherTopicsModule,
    DatabaseModule.fromEnvironment(),
    // Lookups need the shop's key and are rate-limited per key.
    ApiKeysModule.withGuard(),
    ThrottlerModule.forRootAsync({
      inject: [ConnectorEnvironment],
      useFactory: (env: ConnectorEnvironment) => [{ ttl: 1_000, limit: env.LOOKUP_RATE_LIMIT_PER_SECOND }],
    }),
    KafkaModule.fromEnvironment('eshop-connector', (config) => {
      const topics = VoucherTopics.fromConfig(config);
      return [topics.events, topics.deadLetter];
    }),
    MetricsModule.forApp('eshop-connector'),
    RegistrationModule,
    LookupModule,
    SubscriptionsModule,
    DeadLettersModule,
    ConsoleModule,
    // Without Kafka the registry goes stale: the connector is not ready. Its status (partitions,
    // lag, parked dead letters, failing subscriptions) only informs.
    HealthModule.forApp({
      imports: [OperationsModule],
      inject: [DatabaseHealthIndicator, KafkaHealthIndicator, ConnectorStatusIndicator],
      checks: (database: DatabaseHealthIndicator, kafka: KafkaHealthIndicator, status: ConnectorStatusIndicator) => [
        () => database.isHealthy(),
        () => kafka.isHealthy(),
        advisory(() => status.details()),
      ],
    }),
  ],
})
export class EshopConnectorModule {}
