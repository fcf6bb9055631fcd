import { makeCounterProvider } from '@voucher-bridge/metrics';

export const PURCHASES_TOTAL = 'voucher_purchases_total';

export const purchaseMetrics = [
  makeCounterProvider({
    name: PURCHASES_TOTAL,
    help: 'Purchases answered by cashbox-gateway, by outcome (accepted, duplicate, conflict)',
    labelNames: ['outcome'],
  }),
];
