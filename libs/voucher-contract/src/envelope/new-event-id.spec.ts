import { parseVoucherEvent, serializeVoucherEvent } from '../serialization';
import { voucherPurchased } from '../voucher-purchased';
import { newEventId } from './new-event-id';

describe('newEventId', () => {
  it('makes UUIDs of version 7 that start with the time they were made', () => {
    const before = Date.now();
    const id = newEventId();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const madeAt = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(madeAt).toBeGreaterThanOrEqual(before);
    expect(madeAt).toBeLessThanOrEqual(after);
  });

  it('keeps increasing within one process, also within one millisecond (inserts land at the right edge of an index)', () => {
    const ids = Array.from({ length: 5_000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('is an event id the contract accepts', () => {
    const event = voucherPurchased({
      eventId: newEventId(), occurredAt: '2026-11-21T10:15:00+01:00', voucherCode: 'GIFT-2026-ABCD', storeId: 'store-042', cashboxId: 'box-7',
      payload: { amount: { value: 5000, currency: 'EUR' }, receiptNumber: 'R-1', purchasedAt: '2026-11-21T11:15:00+01:00' },
    });
    expect(parseVoucherEvent(serializeVoucherEvent(event)).eventId).toBe(event.eventId);
  });
});
