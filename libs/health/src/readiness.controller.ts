import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from '@voucher-bridge/database';
import { KafkaHealthIndicator } from '@voucher-bridge/kafka';

/**
 * `GET /health/live`: the process serves HTTP. `GET /health/ready`: PostgreSQL and Kafka both
 * answer right now (503 otherwise) — without Kafka the gateway still accepts, but events pile up
 * in its outbox and the shop's registry goes stale, which operators must see.
 */
@Controller('health')
export class ReadinessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.isHealthy(), () => this.kafka.isHealthy()]);
  }
}
