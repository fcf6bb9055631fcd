import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { WebhookDeliveryEnvironment } from '../../config/webhook-delivery.environment';
import { WEBHOOK_DELIVERIES_EXPIRED_TOTAL } from '../delivery.metrics';
import { DELETE_EXPIRED_DELIVERIES } from './delivery-retention.sql';

const ROWS_PER_DELETE = 5_000;

/** Removes finished deliveries once they are older than WEBHOOK_DELIVERY_RETENTION_HOURS. */
@Injectable()
export class DeliveryRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetentionJob.name);
  private readonly retentionSeconds: number;
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    @InjectMetric(WEBHOOK_DELIVERIES_EXPIRED_TOTAL) private readonly expired: Counter,
    env: WebhookDeliveryEnvironment,
  ) {
    this.retentionSeconds = env.WEBHOOK_DELIVERY_RETENTION_HOURS * 3600;
    this.intervalMs = env.WEBHOOK_DELIVERY_CLEANUP_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.deleteExpired()
        .catch((error) => {
          this.logger.warn(`delivery clean-up failed, trying again later: ${(error as Error).message}`);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Slices keep row locks few and statements short; returns the total deleted. */
  async deleteExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await this.pool.query(DELETE_EXPIRED_DELIVERIES, [this.retentionSeconds, ROWS_PER_DELETE]);
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < ROWS_PER_DELETE) break;
    }
    this.expired.inc(total);
    return total;
  }
}
