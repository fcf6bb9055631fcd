import { hashVoucherCode, voucherPurchased, voucherRedeemed } from '@voucher-bridge/voucher-contract';
import { PositionedEvent, planRegistryBatch } from './registry-batch.plan';

const CODE = 'GIFT-2026-ABCD';
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const at = (event: PositionedEvent['event']): PositionedEvent => ({ event, topic: 'test.voucher', partition: 2, offset: String(n) });
const common = () => ({ eventId: id(), occurredAt: '2026-11-21T10:00:00Z', voucherCode: CODE, storeId: 'store-1', cashboxId: 'box-1' });
const purchase = () => voucherPurchased({ ...common(), payload: { amount: { value: 5000, currency: 'EUR' }, receiptNumber: 'R-1', purchasedAt: '2026-11-21T10:00:00Z' } });
const redeem = (value: number) => voucherRedeemed({ ...common(), payload: { amount: { value, currency: 'EUR' }, receiptNumber: 'R-2', redeemedAt: '2026-11-22T10:00:00Z' } });

describe('planRegistryBatch', () => {
  it('applies one voucher\'s events in order within a batch and writes its final state once', () => {
    const events = [purchase(), redeem(1000), redeem(9000), redeem(500)].map(at);
    const plan = planRegistryBatch(events, new Map(), new Set());
    expect(plan.vouchers).toHaveLength(1);
    expect(plan.vouchers[0]).toMatchObject({ hash: hashVoucherCode(CODE), masked: '****ABCD', lastEventId: events[3].event.eventId,
      state: { balance: 3500, sequence: 3 } });
    expect(plan.history.map((h) => [h.outcome, h.sequence, h.balanceAfter, h.rule])).toEqual([
      ['applied', 1, 5000, null], ['applied', 2, 4000, null], ['refused', null, 4000, 'INSUFFICIENT_FUNDS'], ['applied', 3, 3500, null]]);
    expect(plan.parked).toEqual([expect.objectContaining({ rule: 'INSUFFICIENT_FUNDS', positioned: events[2] })]);
    expect(plan.processedEventIds).toEqual(events.map((e) => e.event.eventId));
  });

  it('skips events processed before and repeats within the batch: a redelivery changes nothing', () => {
    const first = at(purchase());
    const again = at(redeem(100));
    const plan = planRegistryBatch([first, again, again], new Map(), new Set([first.event.eventId]));
    expect(plan.skipped).toBe(2);
    expect(plan.processedEventIds).toEqual([again.event.eventId]);
    expect(plan.history).toEqual([expect.objectContaining({ outcome: 'refused', rule: 'UNKNOWN_VOUCHER', balanceAfter: null })]);
  });

  it('continues from the loaded state\'s sequence and counts a repeated purchase without writing it', () => {
    const bought = purchase();
    const loaded = planRegistryBatch([at(bought)], new Map(), new Set()).vouchers[0].state;
    const repeat = { ...bought, eventId: id() };
    const plan = planRegistryBatch([at(repeat), at(redeem(100))], new Map([[hashVoucherCode(CODE), loaded]]), new Set());
    expect(plan.repeated).toBe(1);
    expect(plan.processedEventIds).toHaveLength(2);
    expect(plan.history.map((h) => h.sequence)).toEqual([2]);
    expect(plan.vouchers[0].state).toMatchObject({ balance: 4900, sequence: 2 });
  });
});
