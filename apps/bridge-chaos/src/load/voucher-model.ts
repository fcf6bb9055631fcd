/** What the registry must make of a voucher's events, from the rules in the README's state machine table. */
export type OperationKind = 'purchase' | 'redemption' | 'cancellation';

export interface VoucherOperation {
  kind: OperationKind;
  amount?: number;
  currency?: string;
}

export interface ModelState {
  balance: number;
  status: 'active' | 'redeemed' | 'cancelled' | 'none';
  currency: string;
}

export interface ModelOutcome {
  outcome: 'applied' | 'refused';
  rule?: string;
  state: ModelState;
}

export const EMPTY_STATE: ModelState = { balance: 0, status: 'none', currency: 'EUR' };

/** One event applied to the model; the checks used by the load are the ones it breaks on purpose. */
export function applyToModel(state: ModelState, operation: VoucherOperation): ModelOutcome {
  const refused = (rule: string): ModelOutcome => ({ outcome: 'refused', rule, state });
  if (operation.kind === 'purchase') {
    return { outcome: 'applied', state: { balance: operation.amount!, status: 'active', currency: operation.currency! } };
  }
  if (state.status === 'none') return refused('UNKNOWN_VOUCHER');
  if (operation.kind === 'cancellation') {
    if (state.status === 'cancelled') return refused('VOUCHER_CANCELLED');
    return { outcome: 'applied', state: { ...state, status: 'cancelled' } };
  }
  if (state.status === 'cancelled') return refused('VOUCHER_CANCELLED');
  if (state.balance === 0) return refused('VOUCHER_FULLY_REDEEMED');
  if (operation.currency !== state.currency) return refused('MISMATCHING_CURRENCY');
  if (operation.amount! > state.balance) return refused('INSUFFICIENT_FUNDS');
  const balance = state.balance - operation.amount!;
  return { outcome: 'applied', state: { ...state, balance, status: balance === 0 ? 'redeemed' : 'active' } };
}
