import { makeCounterProvider } from '@voucher-bridge/metrics';

export const EVENTS_HANDLED_TOTAL = 'voucher_events_handled_total';

export const registrationMetrics = [
  makeCounterProvider({
    name: EVENTS_HANDLED_TOTAL,
    help: 'Voucher events eshop-connector finished with, by outcome (registered, dead-lettered)',
    labelNames: ['outcome'],
  }),
];
