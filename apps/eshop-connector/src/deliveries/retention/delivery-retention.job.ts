import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PG_POOL, PeriodicTask, deleteInSlices } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { WebhookDeliveryEnvironment } from '../../config/webhook-delivery.environment';
import { WEBHOOK_DELIVERIES_EXPIRED_TOTAL } from '../delivery.metrics';
import { DELETE_EXPIRED_DELIVERIES } from './delivery-retention.sql';

/** Removes finished deliveries once they are older than WEBHOOK_DELIVERY_RETENTION_HOURS. */
@Injectable()
export class DeliveryRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetentionJob.name);
  private readonly retentionSeconds: number;
  private readonly task: PeriodicTask;

  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    @InjectMetric(WEBHOOK_DELIVERIES_EXPIRED_TOTAL) private readonly expired: Counter,
    env: WebhookDeliveryEnvironment,
  ) {
    this.retentionSeconds = env.WEBHOOK_DELIVERY_RETENTION_HOURS * 3600;
    this.task = new PeriodicTask(() => this.deleteExpired(), {
      intervalMs: env.WEBHOOK_DELIVERY_CLEANUP_INTERVAL_MS,
      onError: (error) => this.logger.warn(`delivery clean-up failed, trying again later: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async deleteExpired(): Promise<number> {
    const total = await deleteInSlices(this.pool, DELETE_EXPIRED_DELIVERIES, this.retentionSeconds);
    this.expired.inc(total);
    return total;
  }
}
