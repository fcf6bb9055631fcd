import type { SqlPool } from '@voucher-bridge/database';
import type { DatabaseHealthIndicator } from '@voucher-bridge/database';
import type { KafkaHealthIndicator } from '@voucher-bridge/kafka';
import type { ConnectorStatusService } from '../operations/connector-status.service';
import type { GatewayHealthClient } from './gateway-health.client';
import { OperationsOverviewService } from './operations-overview.service';
import { EVENTS_LAST_MINUTE, OUTBOX_BACKLOG } from './operations-overview.sql';

describe('OperationsOverviewService', () => {
  const status = {
    status: async () => ({
      consumer: {
        groupId: 'dev.eshop-connector', topic: 'dev.voucher', connected: true, partitions: { count: 2, assigned: [0, 1] },
        lag: { total: 3, measuredAt: '2026-11-25T10:00:00.000Z', partitions: [{ partition: 0, committed: '7', end: '10', lag: 3 }] },
      },
      deadLetters: { parked: { record: 2, delivery: 1 }, oldestParkedSeconds: 90 },
      subscriptions: { failing: 0 },
    }),
  } as unknown as ConnectorStatusService;
  const database = { isHealthy: async () => ({ database: { status: 'up' } }) } as unknown as DatabaseHealthIndicator;
  const kafka = { isHealthy: async () => ({ kafka: { status: 'down', message: 'not connected yet: producer' } }) } as unknown as KafkaHealthIndicator;
  const gateway = { health: async () => ({ name: 'cashbox-gateway', status: 'up', message: null, details: {} }) } as unknown as GatewayHealthClient;

  it('answers every part it can read and names the ones it cannot, with the connector down while Kafka is', async () => {
    const oldest = new Date(Date.now() - 42_000);
    const pool = {
      query: async (sql: string) => {
        if (sql === OUTBOX_BACKLOG) return { rows: [{ backlog: 5, oldest }] };
        if (sql === EVENTS_LAST_MINUTE) throw new Error('canceling statement due to statement timeout');
        return { rows: [] };
      },
    } as unknown as SqlPool;
    const overview = await new OperationsOverviewService(pool, status, database, kafka, gateway).overview();

    expect(overview.outbox).toEqual({ backlog: 5, oldestSeconds: 42 });
    expect(overview.perMinute).toBeNull();
    expect(overview.errors).toEqual(['events per minute: canceling statement due to statement timeout']);
    expect(overview.parked).toEqual({ records: 2, deliveries: 1, oldestSeconds: 90 });
    expect(overview.consumer).toMatchObject({ assigned: [0, 1], totalLag: 3, lagError: null, partitions: [{ partition: 0, lag: 3 }] });
    expect(overview.apps).toEqual([
      { name: 'cashbox-gateway', status: 'up', message: null, details: {} },
      { name: 'eshop-connector', status: 'down', message: 'kafka: not connected yet: producer', details: { database: { status: 'up' }, kafka: { status: 'down', message: 'not connected yet: producer' } } },
    ]);
    expect(overview.failingSubscriptions).toEqual([]);
    expect(overview.lastErrors).toEqual([]);
  });
});
