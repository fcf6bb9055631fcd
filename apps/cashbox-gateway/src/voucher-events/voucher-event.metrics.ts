import { makeCounterProvider } from '@voucher-bridge/metrics';

export const VOUCHER_EVENTS_TOTAL = 'voucher_events_answered_total';

export const voucherEventMetrics = [
  makeCounterProvider({
    name: VOUCHER_EVENTS_TOTAL,
    help: 'Redemptions and cancellations answered by cashbox-gateway, by event type and outcome (accepted, duplicate, conflict, key-reused)',
    labelNames: ['event_type', 'outcome'],
  }),
];
