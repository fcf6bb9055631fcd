import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { VoucherEnvironment, validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseModule } from '@voucher-bridge/database';
import { KafkaEnvironment, KafkaModule } from '@voucher-bridge/kafka';
import { voucherTopic } from '@voucher-bridge/voucher-contract';
import { GatewayEnvironment } from './config/gateway.environment';
import { HealthModule } from './health/health.module';
import { OutboxModule } from './outbox/outbox.module';
import { PurchasesModule } from './purchases/purchases.module';

/** cashbox-gateway: cashboxes → HTTP → purchase + outbox (one transaction) → relay → Kafka. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(GatewayEnvironment, VoucherEnvironment, DatabaseEnvironment, KafkaEnvironment),
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
      useFactory: (config: ConfigService) => ({
        brokers: config.getOrThrow('KAFKA_BROKERS'),
        clientId: 'cashbox-gateway',
        deliveryTimeoutMs: config.getOrThrow('KAFKA_DELIVERY_TIMEOUT_MS'),
        topics: [
          {
            topic: voucherTopic(config.getOrThrow('VOUCHER_ENV')),
            numPartitions: config.getOrThrow('KAFKA_TOPIC_PARTITIONS'),
            replicationFactor: config.getOrThrow('KAFKA_TOPIC_REPLICATION_FACTOR'),
          },
        ],
      }),
    }),
    PurchasesModule,
    OutboxModule,
    HealthModule,
  ],
})
export class CashboxGatewayModule {}
