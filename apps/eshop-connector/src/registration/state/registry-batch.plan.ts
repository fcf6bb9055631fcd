import { VoucherEvent, hashVoucherCode, maskVoucherCode } from '@voucher-bridge/voucher-contract';
import { VoucherRule } from './voucher-rule';
import { VoucherState } from './voucher-state';
import { applyVoucherEvent } from './voucher-state-machine';

/** A valid event and where it was read, for parking it with its origin. */
export interface PositionedEvent {
  event: VoucherEvent;
  topic: string;
  partition: number;
  offset: string;
}

export interface VoucherRow {
  hash: string;
  masked: string;
  state: VoucherState;
  lastEventId: string;
}

export interface HistoryRow {
  hash: string;
  event: VoucherEvent;
  outcome: 'applied' | 'refused';
  /** For applied events; null for refused ones. */
  sequence: number | null;
  balanceAfter: number | null;
  /** The voucher as an applied event left it (pushed to the shop); null for refused ones. */
  stateAfter: VoucherState | null;
  rule: VoucherRule | null;
}

export interface ParkedEvent {
  positioned: PositionedEvent;
  hash: string;
  masked: string;
  rule: VoucherRule;
  message: string;
}

/** Everything one batch writes, in one transaction. */
export interface RegistryBatchPlan {
  /** Every event handled now (applied, repeated or refused): never handled again. */
  processedEventIds: string[];
  /** The final state of each voucher the batch changed. */
  vouchers: VoucherRow[];
  history: HistoryRow[];
  parked: ParkedEvent[];
  /** Purchases that said again what the first said: recorded as processed, nothing changed. */
  repeated: number;
  /** Events handled before (redelivery): skipped. */
  skipped: number;
}

/**
 * Applies a partition's events in order, in memory, to the vouchers as loaded: each voucher's
 * events meet the state its previous events left, also within one batch. Pure, like the state
 * machine, so the same batch over the same states always plans the same writes.
 */
export function planRegistryBatch(
  events: PositionedEvent[],
  loaded: ReadonlyMap<string, VoucherState>,
  alreadyProcessed: ReadonlySet<string>,
): RegistryBatchPlan {
  const states = new Map(loaded);
  const changed = new Map<string, VoucherRow>();
  const seen = new Set(alreadyProcessed);
  const plan: RegistryBatchPlan = { processedEventIds: [], vouchers: [], history: [], parked: [], repeated: 0, skipped: 0 };

  for (const positioned of events) {
    const { event } = positioned;
    if (seen.has(event.eventId)) {
      plan.skipped++;
      continue;
    }
    seen.add(event.eventId);
    plan.processedEventIds.push(event.eventId);
    const hash = hashVoucherCode(event.voucherCode);
    const state = states.get(hash);
    const decision = applyVoucherEvent(state, event);
    if (decision.outcome === 'applied') {
      states.set(hash, decision.state);
      changed.set(hash, { hash, masked: maskVoucherCode(event.voucherCode), state: decision.state, lastEventId: event.eventId });
      plan.history.push({ hash, event, outcome: 'applied', sequence: decision.state.sequence, balanceAfter: decision.state.balance, stateAfter: decision.state, rule: null });
    } else if (decision.outcome === 'repeated') {
      plan.repeated++;
    } else {
      plan.history.push({ hash, event, outcome: 'refused', sequence: null, balanceAfter: state?.balance ?? null, stateAfter: null, rule: decision.rule });
      plan.parked.push({ positioned, hash, masked: maskVoucherCode(event.voucherCode), rule: decision.rule, message: decision.message });
    }
  }
  plan.vouchers = [...changed.values()];
  return plan;
}
