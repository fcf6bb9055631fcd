import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import type { SqlPool } from '@voucher-bridge/database';
import { GatewayEnvironment } from '../config/gateway.environment';
import { OUTBOX_EXPIRED_TOTAL } from './outbox.metrics';
import { DELETE_EXPIRED_IDEMPOTENCY_KEYS, DELETE_EXPIRED_OUTBOX_ROWS } from './outbox-retention.sql';

const ROWS_PER_DELETE = 5_000;

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
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    @InjectMetric(OUTBOX_EXPIRED_TOTAL) private readonly expired: Counter,
    env: GatewayEnvironment,
  ) {
    this.retentionSeconds = env.OUTBOX_RETENTION_MINUTES * 60;
    this.keyRetentionSeconds = env.IDEMPOTENCY_KEY_RETENTION_HOURS * 3600;
    this.intervalMs = env.OUTBOX_CLEANUP_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.deleteExpired()
        .catch((error) => {
          this.logger.warn(`outbox clean-up failed, trying again later: ${(error as Error).message}`);
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

  async deleteExpired(): Promise<number> {
    const outboxRows = await this.deleteInSlices(DELETE_EXPIRED_OUTBOX_ROWS, this.retentionSeconds);
    this.expired.inc(outboxRows);
    await this.deleteInSlices(DELETE_EXPIRED_IDEMPOTENCY_KEYS, this.keyRetentionSeconds);
    return outboxRows;
  }

  /** Slices keep row locks few and statements short; returns the total deleted. */
  private async deleteInSlices(sql: string, olderThanSeconds: number): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await this.pool.query(sql, [olderThanSeconds, ROWS_PER_DELETE]);
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < ROWS_PER_DELETE) return total;
    }
  }
}
