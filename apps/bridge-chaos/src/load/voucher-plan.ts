import { CHAOS_CASHBOXES_PER_STORE, CHAOS_STORES } from '../cluster/chaos-database';
import { SeededRandom } from '@voucher-bridge/fuzzing';
import { EMPTY_STATE, ModelState, VoucherOperation, applyToModel } from './voucher-model';

export interface PlannedOperation extends VoucherOperation {
  path: string;
  body: Record<string, unknown>;
  cashbox: string;
  /** Planned to break a rule (the only events allowed to end up parked). */
  violation?: string;
}

export interface VoucherPlan {
  code: string;
  operations: PlannedOperation[];
}

const BASE_TIME = Date.parse('2026-11-20T09:00:00Z');

/**
 * The load: vouchers until `events` operations are planned. Most have a short history, one in ten
 * a long one (20–60 events); some events break a rule on purpose (redeeming more than the balance,
 * in another currency, after a cancellation or after the balance reached 0).
 */
export function planVouchers(events: number, random: SeededRandom, seed: number): VoucherPlan[] {
  const plans: VoucherPlan[] = [];
  let planned = 0;
  while (planned < events) {
    const index = plans.length;
    const code = `CHAOS-${seed.toString(36).toUpperCase()}-${index.toString(36).toUpperCase().padStart(6, '0')}`;
    const length = Math.min(events - planned, random.chance(0.1) ? random.int(20, 60) : random.int(1, 5));
    const plan: VoucherPlan = { code, operations: [] };
    let state: ModelState = EMPTY_STATE;
    let ended = false;
    for (let i = 0; i < length && !ended; i++) {
      const at = new Date(BASE_TIME + index * 1000 + i * 60_000).toISOString().replace('Z', '+00:00');
      const cashbox = `store-${random.int(0, CHAOS_STORES - 1)}/box-${random.int(0, CHAOS_CASHBOXES_PER_STORE - 1)}`;
      const [storeId, cashboxId] = cashbox.split('/');
      const receiptNumber = `R-${index}-${i}`;
      const next = chooseOperation(i, state, random);
      const body: Record<string, unknown> = { voucherCode: code, storeId, cashboxId, receiptNumber };
      let path: string;
      if (next.kind === 'purchase') {
        path = '/v1/voucher-purchases';
        Object.assign(body, { amount: { value: next.amount, currency: next.currency }, purchasedAt: at, expiresAt: '2029-11-21T23:59:59+01:00' });
      } else if (next.kind === 'redemption') {
        path = '/v1/voucher-redemptions';
        Object.assign(body, { amount: { value: next.amount, currency: next.currency }, redeemedAt: at });
      } else {
        path = '/v1/voucher-cancellations';
        Object.assign(body, { cancelledAt: at, reason: 'chaos run' });
      }
      const result = applyToModel(state, next);
      plan.operations.push({ ...next, path, body, cashbox, violation: result.rule });
      state = result.state;
      // After a violation of a dead voucher nothing more is planned for it.
      if (state.status !== 'active' && result.outcome === 'refused') ended = true;
    }
    planned += plan.operations.length;
    plans.push(plan);
  }
  return plans;
}

function chooseOperation(i: number, state: ModelState, random: SeededRandom): VoucherOperation {
  if (i === 0) return { kind: 'purchase', amount: random.int(20, 200) * 100, currency: 'EUR' };
  if (state.status === 'cancelled') return random.chance(0.5) ? { kind: 'redemption', amount: 100, currency: 'EUR' } : { kind: 'cancellation' };
  if (state.status === 'redeemed') return { kind: 'redemption', amount: 100, currency: 'EUR' };
  const roll = random.next();
  if (roll < 0.05) return { kind: 'redemption', amount: state.balance + random.int(1, 50) * 100, currency: 'EUR' };
  if (roll < 0.07) return { kind: 'redemption', amount: 100, currency: 'USD' };
  if (roll < 0.1) return { kind: 'cancellation' };
  if (roll < 0.18) return { kind: 'redemption', amount: state.balance, currency: 'EUR' };
  return { kind: 'redemption', amount: Math.min(state.balance, random.int(1, 30) * 100), currency: 'EUR' };
}
