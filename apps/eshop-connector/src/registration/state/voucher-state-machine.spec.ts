import { voucherCancelled, voucherPurchased, voucherRedeemed } from '@voucher-bridge/voucher-contract';
import { applyVoucherEvent } from './voucher-state-machine';
import { VoucherState } from './voucher-state';

const CODE = 'GIFT-2026-ABCD';
let id = 0;
const envelope = (overrides: { storeId?: string } = {}) => ({
  eventId: `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  occurredAt: '2026-11-21T10:00:00Z',
  voucherCode: CODE,
  storeId: overrides.storeId ?? 'store-1',
  cashboxId: 'box-1',
});

const purchased = (payload: Partial<{ value: number; currency: string; receiptNumber: string; expiresAt: string }> = {}, storeId?: string) =>
  voucherPurchased({
    ...envelope({ storeId }),
    payload: {
      amount: { value: payload.value ?? 5000, currency: payload.currency ?? 'EUR' },
      receiptNumber: payload.receiptNumber ?? 'R-1',
      purchasedAt: '2026-11-21T11:00:00+01:00',
      expiresAt: payload.expiresAt ?? '2027-11-21T00:00:00Z',
    },
  });
const redeemed = (value: number, currency = 'EUR', redeemedAt = '2026-12-01T10:00:00Z') =>
  voucherRedeemed({ ...envelope(), payload: { amount: { value, currency }, receiptNumber: 'R-2', redeemedAt } });
const cancelled = () => voucherCancelled({ ...envelope(), payload: { receiptNumber: 'R-3', cancelledAt: '2026-12-02T10:00:00Z', reason: 'sold by mistake' } });

/** Applies events in order and returns the last state and every decision. */
function run(...events: Parameters<typeof applyVoucherEvent>[1][]) {
  let state: VoucherState | undefined;
  const decisions = events.map((event) => {
    const decision = applyVoucherEvent(state, event);
    if (decision.outcome === 'applied') state = decision.state;
    return decision;
  });
  return { state, decisions, last: decisions[decisions.length - 1] };
}

describe('applyVoucherEvent', () => {
  it('registers a purchase as an active voucher with sequence 1 and the purchased balance', () => {
    const { state } = run(purchased());
    expect(state).toMatchObject({ status: 'active', balance: 5000, currency: 'EUR', sequence: 1 });
    expect(state?.issuedAt.toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  it('lowers the balance with each redemption and numbers the events 1, 2, 3', () => {
    const { state, decisions } = run(purchased(), redeemed(1000), redeemed(1500));
    expect(decisions.map((d) => d.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect(state).toMatchObject({ status: 'active', balance: 2500, sequence: 3 });
  });

  it('marks a voucher redeemed when the balance reaches 0', () => {
    expect(run(purchased(), redeemed(5000)).state).toMatchObject({ status: 'redeemed', balance: 0, sequence: 2 });
  });

  it('INSUFFICIENT_FUNDS: a redemption above the balance', () => {
    const { last, state } = run(purchased(), redeemed(4000), redeemed(1001));
    expect(last).toMatchObject({ outcome: 'refused', rule: 'INSUFFICIENT_FUNDS' });
    expect(state).toMatchObject({ balance: 1000, sequence: 2 });
  });

  it('MISMATCHING_CURRENCY: a redemption in another currency', () => {
    expect(run(purchased(), redeemed(100, 'CHF')).last).toMatchObject({ outcome: 'refused', rule: 'MISMATCHING_CURRENCY' });
  });

  it('VOUCHER_CANCELLED: a redemption after a cancellation', () => {
    expect(run(purchased(), cancelled(), redeemed(100)).last).toMatchObject({ outcome: 'refused', rule: 'VOUCHER_CANCELLED' });
  });

  it('VOUCHER_CANCELLED: a second cancellation (a cancellation is irreversible)', () => {
    const { last, state } = run(purchased(), cancelled(), cancelled());
    expect(last).toMatchObject({ outcome: 'refused', rule: 'VOUCHER_CANCELLED' });
    expect(state).toMatchObject({ status: 'cancelled', balance: 5000, sequence: 2 });
  });

  it('VOUCHER_EXPIRED: a redemption at or after expiresAt, judged by redeemedAt', () => {
    const expiring = purchased({ expiresAt: '2026-12-01T00:00:00Z' });
    expect(run(expiring, redeemed(100, 'EUR', '2026-12-01T01:00:00+01:00')).last).toMatchObject({ outcome: 'refused', rule: 'VOUCHER_EXPIRED' });
    expect(run(expiring, redeemed(100, 'EUR', '2026-11-30T23:59:59Z')).last).toMatchObject({ outcome: 'applied' });
  });

  it('VOUCHER_FULLY_REDEEMED: a redemption of a voucher with balance 0', () => {
    expect(run(purchased(), redeemed(5000), redeemed(1)).last).toMatchObject({ outcome: 'refused', rule: 'VOUCHER_FULLY_REDEEMED' });
  });

  it('PURCHASE_CONFLICT: a second purchase of the code with other data', () => {
    for (const other of [purchased({ value: 6000 }), purchased({ currency: 'CHF' }), purchased({ receiptNumber: 'R-9' }),
      purchased({ expiresAt: '2028-01-01T00:00:00Z' }), purchased({}, 'store-2')]) {
      const { last, state } = run(purchased(), other);
      expect(last).toMatchObject({ outcome: 'refused', rule: 'PURCHASE_CONFLICT' });
      expect(state).toMatchObject({ balance: 5000, sequence: 1 });
    }
  });

  it('a second purchase with the same data and a new event id changes nothing', () => {
    const first = purchased();
    const again = { ...first, eventId: '00000000-0000-4000-8000-999999999999', payload: { ...first.payload, purchasedAt: '2026-11-21T10:00:00Z' } };
    const { last, state } = run(first, redeemed(100), again);
    expect(last).toEqual({ outcome: 'repeated' });
    expect(state).toMatchObject({ balance: 4900, sequence: 2 });
  });

  it('UNKNOWN_VOUCHER: a redemption or cancellation of a voucher never purchased', () => {
    expect(run(redeemed(100)).last).toMatchObject({ outcome: 'refused', rule: 'UNKNOWN_VOUCHER' });
    expect(run(cancelled()).last).toMatchObject({ outcome: 'refused', rule: 'UNKNOWN_VOUCHER' });
  });

  it('never changes the state it was given', () => {
    const { state } = run(purchased());
    const before = structuredClone(state);
    applyVoucherEvent(state, redeemed(100));
    applyVoucherEvent(state, cancelled());
    expect(state).toEqual(before);
  });
});
