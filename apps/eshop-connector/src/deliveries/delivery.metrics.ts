import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@voucher-bridge/metrics';

export const WEBHOOK_DELIVERIES_TOTAL = 'webhook_deliveries_total';
export const WEBHOOK_DELIVERY_LATENCY = 'webhook_delivery_latency_seconds';
export const WEBHOOK_DELIVERIES_PENDING = 'webhook_deliveries_pending';
export const WEBHOOK_DELIVERIES_EXPIRED_TOTAL = 'webhook_deliveries_expired_total';

export const deliveryMetrics = [
  makeCounterProvider({
    name: WEBHOOK_DELIVERIES_TOTAL,
    help: 'Push attempts to shop subscriptions by outcome: delivered (2xx), retried (timeout, connection error, 5xx, 429), '
      + 'parked (other 4xx, refused address or retries exhausted), disabled (410 Gone)',
    labelNames: ['subscription', 'outcome'],
  }),
  makeHistogramProvider({
    name: WEBHOOK_DELIVERY_LATENCY,
    help: 'From the event being registered (delivery recorded) to the shop answering 2xx, retries included',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
  }),
  makeGaugeProvider({
    name: WEBHOOK_DELIVERIES_PENDING,
    help: 'Deliveries not yet delivered or parked (all subscriptions), as of the last poll',
  }),
  makeCounterProvider({
    name: WEBHOOK_DELIVERIES_EXPIRED_TOTAL,
    help: 'Finished deliveries (delivered or discarded) deleted after WEBHOOK_DELIVERY_RETENTION_HOURS',
  }),
];
