import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PG_POOL, PeriodicTask, deleteInSlices } from '@voucher-bridge/database';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import type { SqlPool } from '@voucher-bridge/database';
import { GatewayEnvironment } from '../config/gateway.environment';
import { OUTBOX_EXPIRED_TOTAL } from './outbox.metrics';
import { DELETE_EXPIRED_IDEMPOTENCY_KEYS, DELETE_EXPIRED_OUTBOX_ROWS } from './outbox-retention.sql';

/**
 * Removes sent outbox rows once they are older than OUTBOX_RETENTION_MINUTES (unsent rows are
 * never touched: they leave only through the relay), and Idempotency-Keys older than
 * IDEMPOTENCY_KEY_RETENTION_HOURS.
 */
@Injectable()
export class OutboxRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRetentionJob.name);
  private readonly retentionSeconds: number;
  private readonly keyRetentionSeconds: number;
  private readonly task: PeriodicTask;

  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    @InjectMetric(OUTBOX_EXPIRED_TOTAL) private readonly expired: Counter,
    env: GatewayEnvironment,
  ) {
    this.retentionSeconds = env.OUTBOX_RETENTION_MINUTES * 60;
    this.keyRetentionSeconds = env.IDEMPOTENCY_KEY_RETENTION_HOURS * 3600;
    this.task = new PeriodicTask(() => this.deleteExpired(), {
      intervalMs: env.OUTBOX_CLEANUP_INTERVAL_MS,
      onError: (error) => this.logger.warn(`outbox clean-up failed, trying again later: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async deleteExpired(): Promise<number> {
    const outboxRows = await deleteInSlices(this.pool, DELETE_EXPIRED_OUTBOX_ROWS, this.retentionSeconds);
    this.expired.inc(outboxRows);
    await deleteInSlices(this.pool, DELETE_EXPIRED_IDEMPOTENCY_KEYS, this.keyRetentionSeconds);
    return outboxRows;
  }
}
