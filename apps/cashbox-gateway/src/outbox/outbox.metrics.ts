import { Provider } from '@nestjs/common';
import { Gauge, makeCounterProvider, makeGaugeProvider, makeHistogramProvider, metricsRegistry } from '@voucher-bridge/metrics';
import { OutboxRepository } from './outbox.repository';

export const OUTBOX_RELAYED_TOTAL = 'outbox_relayed_messages_total';
export const OUTBOX_EXPIRED_TOTAL = 'outbox_expired_rows_deleted_total';
export const OUTBOX_PUBLISH_SECONDS = 'outbox_publish_seconds';
export const OUTBOX_PUBLISH_DELAY_SECONDS = 'outbox_event_publish_delay_seconds';
export const OUTBOX_PUBLISH_ERRORS_TOTAL = 'outbox_publish_errors_total';
export const OUTBOX_RELAY_PARTITIONS = 'outbox_relay_partitions';
export const OUTBOX_TOPIC_PARTITIONS = 'outbox_topic_partitions';
const OUTBOX_UNSENT = Symbol('outbox_unsent_messages');
const OUTBOX_OLDEST_UNSENT_AGE = Symbol('outbox_oldest_unsent_age_seconds');

export const outboxMetrics: Provider[] = [
  makeCounterProvider({ name: OUTBOX_RELAYED_TOTAL, help: 'Outbox rows published to Kafka and marked sent' }),
  makeCounterProvider({ name: OUTBOX_EXPIRED_TOTAL, help: 'Sent outbox rows deleted after their retention' }),
  makeHistogramProvider({
    name: OUTBOX_PUBLISH_SECONDS,
    help: 'Time to publish one relay batch to Kafka and commit its transaction',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  makeHistogramProvider({
    name: OUTBOX_PUBLISH_DELAY_SECONDS,
    help: 'Per event, from being accepted (outbox row written) to being committed on Kafka',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800],
  }),
  makeCounterProvider({
    name: OUTBOX_PUBLISH_ERRORS_TOTAL,
    help: 'Relay attempts that failed (broker away, transaction aborted or fenced, database error); the rows are retried',
    labelNames: ['kind'],
  }),
  makeGaugeProvider({
    name: OUTBOX_RELAY_PARTITIONS,
    help: 'Partitions of the topic the relay writes to: fewer than the topic has while readers have not read the old ones to their end after partitions were added',
    labelNames: ['topic'],
  }),
  makeGaugeProvider({
    name: OUTBOX_TOPIC_PARTITIONS,
    help: 'Partitions the topic has, as the relay last saw them (checked every OUTBOX_PARTITION_CHECK_INTERVAL_MS)',
    labelNames: ['topic'],
  }),
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
  {
    // The count alone cannot tell a burst being relayed from a relay that is stuck: alerts need
    // the age of the oldest row the relay has not got to.
    provide: OUTBOX_OLDEST_UNSENT_AGE,
    inject: [OutboxRepository],
    useFactory: (outbox: OutboxRepository) =>
      new Gauge({
        name: 'outbox_oldest_unsent_age_seconds',
        help: 'Age of the oldest accepted event not yet acknowledged by Kafka, 0 when none is waiting',
        registers: [metricsRegistry],
        async collect() {
          this.set((await outbox.backlog()).oldestUnsentAgeSeconds);
        },
      }),
  },
];
