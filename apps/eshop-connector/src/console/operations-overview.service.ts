import { Inject, Injectable } from '@nestjs/common';
import { DatabaseHealthIndicator, PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { KafkaHealthIndicator } from '@voucher-bridge/kafka';
import { ConnectorStatusService } from '../operations/connector-status.service';
import { GatewayHealthClient } from './gateway-health.client';
import { AppHealth, FailingSubscriptionDto, LastErrorDto, OperationsOverviewDto } from './operations-overview.response.dto';
import { EVENTS_LAST_MINUTE, FAILING_SUBSCRIPTIONS_LIST, LAST_ERRORS, OUTBOX_BACKLOG } from './operations-overview.sql';

/**
 * Everything the console's first screen shows, gathered in parallel. A part that cannot be read
 * (the database away, the gateway not answering) is named in `errors` and never hides the others:
 * the console is most needed exactly when something is broken.
 */
@Injectable()
export class OperationsOverviewService {
  constructor(
    @Inject(PG_POOL) private readonly pool: SqlPool,
    private readonly status: ConnectorStatusService,
    private readonly database: DatabaseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly gateway: GatewayHealthClient,
  ) {}

  async overview(): Promise<OperationsOverviewDto> {
    const errors: string[] = [];
    const part = <T>(name: string, read: () => Promise<T>, fallback: T): Promise<T> =>
      read().catch((error: Error) => {
        errors.push(`${name}: ${error.message}`);
        return fallback;
      });
    const [connector, gateway, status, outbox, perMinute, failingSubscriptions, lastErrors] = await Promise.all([
      this.connectorHealth(),
      this.gateway.health(),
      this.status.status(),
      part('outbox', () => this.outbox(), null),
      part('events per minute', () => this.perMinute(), null),
      part('failing subscriptions', () => this.failingSubscriptions(), []),
      part('last errors', () => this.lastErrors(), []),
    ]);
    const lag = 'error' in status.consumer.lag ? null : status.consumer.lag;
    const deadLetters = 'error' in status.deadLetters ? null : status.deadLetters;
    if ('error' in status.deadLetters) errors.push(`parked: ${status.deadLetters.error}`);
    return {
      at: new Date().toISOString(),
      apps: [gateway, connector],
      consumer: {
        groupId: status.consumer.groupId, topic: status.consumer.topic, connected: status.consumer.connected,
        assigned: status.consumer.partitions.assigned,
        totalLag: lag?.total ?? null,
        partitions: lag?.partitions ?? [],
        lagError: 'error' in status.consumer.lag ? status.consumer.lag.error : null,
      },
      outbox,
      perMinute,
      parked: deadLetters && { records: deadLetters.parked.record, deliveries: deadLetters.parked.delivery, oldestSeconds: deadLetters.oldestParkedSeconds },
      failingSubscriptions,
      lastErrors,
      errors,
    };
  }

  private async connectorHealth(): Promise<AppHealth> {
    const [database, kafka] = await Promise.all([this.database.isHealthy(), this.kafka.isHealthy()]);
    const details = { ...database, ...kafka } as Record<string, { status: string; message?: string }>;
    const down = Object.entries(details).filter(([, check]) => check.status !== 'up');
    return {
      name: 'eshop-connector',
      status: down.length === 0 ? 'up' : 'down',
      message: down.length === 0 ? null : down.map(([key, check]) => `${key}: ${check.message ?? 'down'}`).join('; '),
      details,
    };
  }

  private async outbox(): Promise<OperationsOverviewDto['outbox']> {
    const { rows: [row] } = await this.pool.query<{ backlog: number; oldest: Date | null }>(OUTBOX_BACKLOG);
    return { backlog: row.backlog, oldestSeconds: row.oldest === null ? null : Math.max(0, Math.round((Date.now() - row.oldest.getTime()) / 1000)) };
  }

  private async perMinute(): Promise<OperationsOverviewDto['perMinute']> {
    const { rows: [row] } = await this.pool.query<{ accepted: number; registered: number; refused: number; parked: number }>(EVENTS_LAST_MINUTE);
    return row;
  }

  private async failingSubscriptions(): Promise<FailingSubscriptionDto[]> {
    const { rows } = await this.pool.query<{
      id: string; url: string; status: string; retrying: number; parked: number; last_attempt_at: Date | null; last_status: number | null; last_error: string | null;
    }>(FAILING_SUBSCRIPTIONS_LIST);
    return rows.map((row) => ({
      id: row.id, url: row.url, status: row.status, retrying: row.retrying, parked: row.parked,
      lastAttemptAt: row.last_attempt_at?.toISOString() ?? null, lastStatus: row.last_status, lastError: row.last_error,
    }));
  }

  private async lastErrors(): Promise<LastErrorDto[]> {
    const { rows } = await this.pool.query<{ kind: 'record' | 'delivery'; id: string; at: Date; reason: string; detail: string }>(LAST_ERRORS);
    return rows.map((row) => ({ kind: row.kind, id: row.id, at: row.at.toISOString(), reason: row.reason, detail: row.detail }));
  }
}
