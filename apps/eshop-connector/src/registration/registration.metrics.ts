import { makeCounterProvider } from '@voucher-bridge/metrics';

export const EVENTS_HANDLED_TOTAL = 'voucher_events_handled_total';

export const registrationMetrics = [
  makeCounterProvider({
    name: EVENTS_HANDLED_TOTAL,
    help: 'Voucher events eshop-connector finished with, by outcome: applied, parked (by rule: the state machine refused it), '
      + 'repeated (a purchase sent again with a new event id), redelivered (handled before, skipped), dead-lettered (unreadable)',
    labelNames: ['outcome', 'rule'],
  }),
];
