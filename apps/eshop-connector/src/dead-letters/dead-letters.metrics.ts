import { makeCounterProvider } from '@voucher-bridge/metrics';

export const DEAD_LETTER_REPLAYS_TOTAL = 'dead_letter_replays_total';
export const DEAD_LETTER_DISCARDS_TOTAL = 'dead_letter_discards_total';

export const deadLetterMetrics = [
  makeCounterProvider({
    name: DEAD_LETTER_REPLAYS_TOTAL,
    help: 'Dead letters operators replayed, by kind, outcome (applied, already-applied, parked-again, requeued, …) and dry_run',
    labelNames: ['kind', 'outcome', 'dry_run'],
  }),
  makeCounterProvider({
    name: DEAD_LETTER_DISCARDS_TOTAL,
    help: 'Dead letters operators discarded, by kind',
    labelNames: ['kind'],
  }),
];
