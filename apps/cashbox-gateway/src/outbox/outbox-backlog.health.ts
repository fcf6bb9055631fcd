import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { OutboxRepository } from './outbox.repository';
import { GatewayEnvironment } from '../config/gateway.environment';

/**
 * The gateway accepts durably while Kafka is away, so a backlog alone does not make it unready;
 * a backlog whose oldest row waits longer than OUTBOX_READY_MAX_AGE_SECONDS does: events are
 * not leaving (Kafka gone for long, or the relay stuck) and operators must act.
 */
@Injectable()
export class OutboxBacklogHealthIndicator {
  private readonly maxAgeSeconds: number;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly health: HealthIndicatorService,
    env: GatewayEnvironment,
  ) {
    this.maxAgeSeconds = env.OUTBOX_READY_MAX_AGE_SECONDS;
  }

  async isHealthy(key = 'outbox') {
    const indicator = this.health.check(key);
    try {
      const backlog = await this.outbox.backlog();
      const details = { ...backlog, maxAgeSeconds: this.maxAgeSeconds };
      return backlog.oldestUnsentAgeSeconds > this.maxAgeSeconds ? indicator.down(details) : indicator.up(details);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
