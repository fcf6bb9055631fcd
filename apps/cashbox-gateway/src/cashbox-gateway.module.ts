import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeysEnvironment, ApiKeysModule } from '@voucher-bridge/api-keys';
import { VoucherEnvironment, VoucherTopics, VoucherTopicsModule, validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseHealthIndicator, DatabaseModule } from '@voucher-bridge/database';
import { advisory, HealthModule } from '@voucher-bridge/health';
import { KafkaEnvironment, KafkaHealthIndicator, KafkaModule } from '@voucher-bridge/kafka';
import { MetricsModule } from '@voucher-bridge/metrics';
import { GatewayConfigModule } from './config/gateway-config.module';
import { GatewayEnvironment } from './config/gateway.environment';
import { EventStatusModule } from './event-status/event-status.module';
import { OutboxBacklogHealthIndicator } from './outbox/outbox-backlog.health';
import { OutboxModule } from './outbox/outbox.module';
import { CancellationsModule } from './cancellations/cancellations.module';
import { PurchasesModule } from './purchases/purchases.module';
import { RedemptionsModule } from './redemptions/redemptions.module';

/** cashbox-gateway: cashboxes → HTTP → purchase + outbox (one transaction) → relay → Kafka. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(GatewayEnvironment, VoucherEnvironment, DatabaseEnvironment, KafkaEnvironment, ApiKeysEnvironment),
    }),
    GatewayConfigModule,
    VoucherTopicsModule,
    DatabaseModule.fromEnvironment(),
    ApiKeysModule.withGuard(),
    ThrottlerModule.forRootAsync({
      inject: [GatewayEnvironment],
      useFactory: (env: GatewayEnvironment) => [{ ttl: 1_000, limit: env.CASHBOX_RATE_LIMIT_PER_SECOND }],
    }),
    KafkaModule.fromEnvironment('cashbox-gateway', (config) => [
      VoucherTopics.fromConfig(config).events,
      // The relay's position: only its newest record matters, read from the tail by a new relay.
      {
        topic: VoucherTopics.fromConfig(config).relayPosition,
        numPartitions: 1,
        configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.ms', value: '3600000' }],
      },
    ]),
    MetricsModule.forApp('cashbox-gateway'),
    PurchasesModule,
    RedemptionsModule,
    CancellationsModule,
    EventStatusModule,
    OutboxModule,
    // Ready while it can accept durably: PostgreSQL up and the outbox draining. Kafka being
    // away only shows (degraded); the outbox keeps every purchase until it is back.
    HealthModule.forApp({
      imports: [OutboxModule],
      inject: [DatabaseHealthIndicator, KafkaHealthIndicator, OutboxBacklogHealthIndicator],
      checks: (database: DatabaseHealthIndicator, kafka: KafkaHealthIndicator, outbox: OutboxBacklogHealthIndicator) => [
        () => database.isHealthy(),
        advisory(() => kafka.isHealthy()),
        () => outbox.isHealthy(),
      ],
    }),
  ],
})
export class CashboxGatewayModule {}
