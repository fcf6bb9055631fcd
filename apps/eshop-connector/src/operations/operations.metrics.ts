import { makeGaugeProvider } from '@voucher-bridge/metrics';

export const CONNECTOR_CONSUMER_LAG = 'connector_consumer_lag';
export const DEAD_LETTERS_PARKED_GAUGE = 'dead_letters_parked';

export const operationsMetrics = [
  makeGaugeProvider({
    name: CONNECTOR_CONSUMER_LAG,
    help: 'Records of <env>.voucher the consumer group has not committed yet, per partition (end offset, read_committed, minus committed offset)',
    labelNames: ['partition'],
  }),
  makeGaugeProvider({
    name: DEAD_LETTERS_PARKED_GAUGE,
    help: 'Dead letters waiting for an operator, by kind: record (unreadable, refused or failing Kafka records) or delivery (parked pushes)',
    labelNames: ['kind'],
  }),
];
