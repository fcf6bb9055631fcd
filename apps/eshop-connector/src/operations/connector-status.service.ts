import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import type { PartitionLag } from '@voucher-bridge/kafka';
import { Gauge, InjectMetric } from '@voucher-bridge/metrics';
import { ConnectorEnvironment } from '../config/connector.environment';
import { VoucherEventConsumer } from '../registration/voucher-event.consumer';
import { ConnectorStatus } from './connector-status';
import { CONNECTOR_CONSUMER_LAG, DEAD_LETTERS_PARKED_GAUGE } from './operations.metrics';
import { FAILING_SUBSCRIPTIONS, PARKED_SUMMARY } from './operations.sql';

/**
 * Gathers the connector's status (consumer, partitions, lag, parked dead letters, failing
 * subscriptions) for readiness, and keeps the matching gauges of /metrics fresh on a timer.
 * Each part reports its own error: a part that cannot be read never hides the others.
 */
@Injectable()
export class ConnectorStatusService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConnectorStatusService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly consumer: VoucherEventConsumer,
    @Inject(PG_POOL) private readonly pool: SqlPool,
    private readonly env: ConnectorEnvironment,
    @InjectMetric(CONNECTOR_CONSUMER_LAG) private readonly lagGauge: Gauge<'partition'>,
    @InjectMetric(DEAD_LETTERS_PARKED_GAUGE) private readonly parkedGauge: Gauge<'kind'>,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.status().catch((error) => this.logger.debug(`status refresh failed: ${(error as Error).message}`));
    }, this.env.CONNECTOR_STATUS_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async status(): Promise<ConnectorStatus> {
    const member = this.consumer.status();
    const lag = this.lag(member.lag);
    const [deadLetters, subscriptions] = await Promise.all([this.deadLetters(), this.subscriptions()]);
    return {
      consumer: {
        groupId: member.groupId, topic: member.topic, connected: member.connected,
        partitions: { count: member.partitions.length, assigned: member.partitions }, lag,
      },
      deadLetters,
      subscriptions,
    };
  }

  private lag(measured: { at: Date; partitions: PartitionLag[] } | undefined): ConnectorStatus['consumer']['lag'] {
    if (!measured) return { error: 'not measured yet (the member reports its lag every CONNECTOR_STATUS_INTERVAL_MS once consuming)' };
    this.lagGauge.reset();
    for (const { partition, lag } of measured.partitions) if (lag !== null) this.lagGauge.set({ partition: String(partition) }, lag);
    const partitions = measured.partitions.map(({ partition, committed, end, lag }) => ({ partition, committed, end, lag }));
    return { total: partitions.reduce((sum, { lag }) => sum + (lag ?? 0), 0), measuredAt: measured.at.toISOString(), partitions };
  }

  private async deadLetters(): Promise<ConnectorStatus['deadLetters']> {
    try {
      const { rows } = await this.pool.query<{ kind: 'record' | 'delivery'; parked: number; oldest: Date | null }>(PARKED_SUMMARY);
      const parked = { record: 0, delivery: 0 };
      let oldest: number | null = null;
      for (const row of rows) {
        parked[row.kind] = row.parked;
        this.parkedGauge.set({ kind: row.kind }, row.parked);
        if (row.oldest && (oldest === null || row.oldest.getTime() < oldest)) oldest = row.oldest.getTime();
      }
      return { parked, oldestParkedSeconds: oldest === null ? null : Math.max(0, Math.round((Date.now() - oldest) / 1000)) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  private async subscriptions(): Promise<ConnectorStatus['subscriptions']> {
    try {
      const { rows } = await this.pool.query<{ failing: number }>(FAILING_SUBSCRIPTIONS);
      return { failing: rows[0].failing };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
}
