import { VoucherState } from './state/voucher-state';

/** One row of LOAD_BATCH_CONTEXT: a locked voucher, an event handled before, or a subscribed event type. */
export interface BatchContextRow {
  kind: 'voucher' | 'processed' | 'subscribed';
  /** The voucher's hash, the event id or the event type. */
  key: string;
  status: VoucherState['status'] | null;
  /** int8 arrives as a decimal string from pg. */
  balance_minor: string | null;
  currency: string | null;
  issued_at: Date | null;
  expires_at: Date | null;
  last_sequence: number | null;
  purchase_fingerprint: string | null;
}

/** What a batch is planned on: the vouchers as stored, the events handled before, the event types pushed. */
export interface BatchContext {
  states: Map<string, VoucherState>;
  processed: Set<string>;
  subscribed: Set<string>;
}

export function readBatchContext(rows: readonly BatchContextRow[]): BatchContext {
  const context: BatchContext = { states: new Map(), processed: new Set(), subscribed: new Set() };
  for (const row of rows) {
    if (row.kind === 'voucher') context.states.set(row.key, toState(row));
    else if (row.kind === 'processed') context.processed.add(row.key);
    else context.subscribed.add(row.key);
  }
  return context;
}

function toState(row: BatchContextRow): VoucherState {
  return {
    status: row.status!,
    balance: Number(row.balance_minor),
    currency: row.currency!,
    issuedAt: row.issued_at!,
    expiresAt: row.expires_at,
    sequence: row.last_sequence!,
    purchaseFingerprint: row.purchase_fingerprint,
  };
}
