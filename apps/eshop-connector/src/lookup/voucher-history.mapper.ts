import { VoucherHistoryEntryDto } from './voucher-history-entry.dto';

/** A registry_voucher_history row as the lookup reads it; minor units as decimal text (bigint). */
export interface VoucherHistoryRow {
  event_id: string;
  event_type: string;
  store_id: string;
  cashbox_id: string;
  occurred_at: Date;
  sequence: number | null;
  amount_minor: string | null;
  amount_currency: string | null;
  balance_after_minor: string | null;
  outcome: string;
  rule: string | null;
}

export function toHistoryEntry(row: VoucherHistoryRow): VoucherHistoryEntryDto {
  return {
    eventId: row.event_id,
    type: row.event_type,
    store: row.store_id,
    cashbox: row.cashbox_id,
    occurredAt: row.occurred_at.toISOString(),
    outcome: row.outcome as VoucherHistoryEntryDto['outcome'],
    ...(row.sequence !== null ? { sequence: row.sequence } : {}),
    amount: row.amount_minor !== null && row.amount_currency !== null ? { value: Number(row.amount_minor), currency: row.amount_currency } : null,
    balanceAfter: row.balance_after_minor !== null ? Number(row.balance_after_minor) : null,
    ...(row.rule !== null ? { rule: row.rule } : {}),
  };
}
