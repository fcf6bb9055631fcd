import { Provider } from '@nestjs/common';
import { Gauge, makeCounterProvider, metricsRegistry } from '@voucher-bridge/metrics';
import { OutboxRepository } from './outbox.repository';

export const OUTBOX_RELAYED_TOTAL = 'outbox_relayed_messages_total';
export const OUTBOX_EXPIRED_TOTAL = 'outbox_expired_rows_deleted_total';
const OUTBOX_UNSENT = Symbol('outbox_unsent_messages');

export const outboxMetrics: Provider[] = [
  makeCounterProvider({ name: OUTBOX_RELAYED_TOTAL, help: 'Outbox rows published to Kafka and marked sent' }),
  makeCounterProvider({ name: OUTBOX_EXPIRED_TOTAL, help: 'Sent outbox rows deleted after their retention' }),
  {
    // Counted at scrape time: the backlog is what operators alert on when Kafka is down.
    provide: OUTBOX_UNSENT,
    inject: [OutboxRepository],
    useFactory: (outbox: OutboxRepository) =>
      new Gauge({
        name: 'outbox_unsent_messages',
        help: 'Accepted events not yet acknowledged by Kafka',
        registers: [metricsRegistry],
        async collect() {
          this.set(await outbox.countUnsent());
        },
      }),
  },
];
