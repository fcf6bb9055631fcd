import type { VoucherEvent } from '@voucher-bridge/voucher-contract';

/** What the registry knows of an event after handling it (its history row), as deliveries need it. */
export interface DeliverableEvent {
  hash: string;
  event: VoucherEvent;
  /** Only `applied` events are pushed: a refused one is in the history, not at the shop. */
  outcome: 'applied' | 'refused';
  /** The voucher as the event left it; null for refused events. */
  stateAfter: { status: string; balance: number; currency: string; sequence: number } | null;
}

/**
 * The `data` of the pushed body: the voucher as this event left it, then the event's own
 * fields (where, and the payload as the cashbox sent it). The full code: the shop registers it.
 */
export function deliveryData(event: VoucherEvent, state: NonNullable<DeliverableEvent['stateAfter']>): string {
  return JSON.stringify({
    voucherCode: event.voucherCode,
    sequence: state.sequence,
    balance: state.balance,
    currency: state.currency,
    status: state.status,
    storeId: event.source.storeId,
    cashboxId: event.source.cashboxId,
    ...event.payload,
  });
}
