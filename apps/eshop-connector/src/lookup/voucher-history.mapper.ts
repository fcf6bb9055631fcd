import { VoucherHistoryEntryDto } from './voucher-history-entry.dto';

/** A registry_voucher_history row as Prisma returns it. */
export interface VoucherHistoryRow {
  eventId: string;
  eventType: string;
  storeId: string;
  cashboxId: string;
  occurredAt: Date;
  sequence: number | null;
  amountMinor: bigint | null;
  currency: string | null;
  balanceAfterMinor: bigint | null;
  outcome: string;
  rule: string | null;
}

export function toHistoryEntry(row: VoucherHistoryRow): VoucherHistoryEntryDto {
  return {
    eventId: row.eventId,
    type: row.eventType,
    store: row.storeId,
    cashbox: row.cashboxId,
    occurredAt: row.occurredAt.toISOString(),
    outcome: row.outcome as VoucherHistoryEntryDto['outcome'],
    ...(row.sequence !== null ? { sequence: row.sequence } : {}),
    amount: row.amountMinor !== null && row.currency !== null ? { value: Number(row.amountMinor), currency: row.currency } : null,
    balanceAfter: row.balanceAfterMinor !== null ? Number(row.balanceAfterMinor) : null,
    ...(row.rule !== null ? { rule: row.rule } : {}),
  };
}
