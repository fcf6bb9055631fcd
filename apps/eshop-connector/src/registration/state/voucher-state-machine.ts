import { VoucherCancelledEvent, VoucherEvent, VoucherPurchasedEvent, VoucherRedeemedEvent } from '@voucher-bridge/voucher-contract';
import { purchaseFingerprint } from './purchase-fingerprint';
import { VoucherRule } from './voucher-rule';
import { VoucherState } from './voucher-state';

/**
 * What one event does to a voucher: `applied` (the new state, its sequence one higher),
 * `repeated` (a purchase saying exactly what the first one said: recorded, nothing changes) or
 * `refused` with the rule it broke.
 */
export type VoucherDecision =
  | { outcome: 'applied'; state: VoucherState }
  | { outcome: 'repeated' }
  | { outcome: 'refused'; rule: VoucherRule; message: string };

/**
 * The voucher state machine: pure, no I/O, no clock — an event is judged by its own times
 * (a redemption by its redeemedAt), so replaying the same events always gives the same states.
 */
export function applyVoucherEvent(state: VoucherState | undefined, event: VoucherEvent): VoucherDecision {
  switch (event.eventType) {
    case 'voucher.purchased':
      return purchase(state, event);
    case 'voucher.redeemed':
      return redeem(state, event);
    case 'voucher.cancelled':
      return cancel(state, event);
  }
}

function purchase(state: VoucherState | undefined, event: VoucherPurchasedEvent): VoucherDecision {
  const fingerprint = purchaseFingerprint(event);
  if (state) {
    return state.purchaseFingerprint === fingerprint
      ? { outcome: 'repeated' }
      : refuse('PURCHASE_CONFLICT', 'the voucher code was already purchased with other data');
  }
  const { amount, purchasedAt, expiresAt } = event.payload;
  return {
    outcome: 'applied',
    state: {
      status: 'active',
      balance: amount.value,
      currency: amount.currency,
      issuedAt: new Date(purchasedAt),
      expiresAt: expiresAt ? new Date(expiresAt) : null,
      sequence: 1,
      purchaseFingerprint: fingerprint,
    },
  };
}

function redeem(state: VoucherState | undefined, event: VoucherRedeemedEvent): VoucherDecision {
  if (!state) return refuse('UNKNOWN_VOUCHER', 'no purchase of this voucher was registered');
  const { amount, redeemedAt } = event.payload;
  if (state.status === 'cancelled') return refuse('VOUCHER_CANCELLED', 'the voucher was cancelled');
  if (state.balance === 0) return refuse('VOUCHER_FULLY_REDEEMED', 'the voucher was fully redeemed');
  if (state.expiresAt && state.expiresAt.getTime() <= new Date(redeemedAt).getTime()) {
    return refuse('VOUCHER_EXPIRED', `the voucher expired at ${state.expiresAt.toISOString()}, before the redemption at ${redeemedAt}`);
  }
  if (amount.currency !== state.currency) {
    return refuse('MISMATCHING_CURRENCY', `the redemption is in ${amount.currency}, the voucher in ${state.currency}`);
  }
  if (amount.value > state.balance) {
    return refuse('INSUFFICIENT_FUNDS', `the redemption of ${amount.value} exceeds the balance of ${state.balance}`);
  }
  const balance = state.balance - amount.value;
  return { outcome: 'applied', state: { ...state, balance, status: balance === 0 ? 'redeemed' : 'active', sequence: state.sequence + 1 } };
}

/** Irreversible; the balance stays as it was, for the record (a cancelled voucher pays nothing). */
function cancel(state: VoucherState | undefined, _event: VoucherCancelledEvent): VoucherDecision {
  if (!state) return refuse('UNKNOWN_VOUCHER', 'no purchase of this voucher was registered');
  if (state.status === 'cancelled') return refuse('VOUCHER_CANCELLED', 'the voucher was already cancelled');
  return { outcome: 'applied', state: { ...state, status: 'cancelled', sequence: state.sequence + 1 } };
}

function refuse(rule: VoucherRule, message: string): VoucherDecision {
  return { outcome: 'refused', rule, message };
}
