import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApiKeysEnvironment, ApiKeysModule } from '@voucher-bridge/api-keys';
import { VoucherEnvironment, validateEnvironment } from '@voucher-bridge/config';
import { DatabaseEnvironment, DatabaseModule } from '@voucher-bridge/database';
import { HealthModule } from '@voucher-bridge/health';
import { KafkaEnvironment, KafkaModule } from '@voucher-bridge/kafka';
import { MetricsModule } from '@voucher-bridge/metrics';
import { voucherTopic } from '@voucher-bridge/voucher-contract';
import { GatewayEnvironment } from './config/gateway.environment';
import { OutboxModule } from './outbox/outbox.module';
import { PurchasesModule } from './purchases/purchases.module';

/** cashbox-gateway: cashboxes → HTTP → purchase + outbox (one transaction) → relay → Kafka. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnvironment(GatewayEnvironment, VoucherEnvironment, DatabaseEnvironment, KafkaEnvironment, ApiKeysEnvironment),
    }),
    DatabaseModule.fromEnvironment(),
    ApiKeysModule.withGuard(),
    KafkaModule.fromEnvironment('cashbox-gateway', (config) => [voucherTopic(config.getOrThrow('VOUCHER_ENV'))]),
    MetricsModule.forApp('cashbox-gateway'),
    PurchasesModule,
    OutboxModule,
    HealthModule,
  ],
})
export class CashboxGatewayModule {}
