import { voucherPurchased } from '../voucher-purchased';
import { voucherEventRecord } from './voucher-event-record';

describe('voucherEventRecord', () => {
  it('keys the record by voucher code and carries the CloudEvents attributes as ce_ headers', () => {
    const event = voucherPurchased({
      eventId: '3f0b8c1e-2a4d-4c6b-9e8f-1a2b3c4d5e6f', occurredAt: '2026-11-21T10:15:00.000Z', voucherCode: 'GIFT-2026-ABCD',
      storeId: 'store 42', cashboxId: 'box-7',
      payload: { amount: { value: 5000, currency: 'EUR' }, receiptNumber: 'R-1', purchasedAt: '2026-11-21T11:15:00+01:00' },
    });
    const record = voucherEventRecord(event);
    expect(record.key).toBe('GIFT-2026-ABCD');
    expect(JSON.parse(record.value)).toEqual(event);
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: '3f0b8c1e-2a4d-4c6b-9e8f-1a2b3c4d5e6f',
      ce_type: 'voucher.purchased',
      ce_source: '/stores/store%2042/cashboxes/box-7',
      ce_time: '2026-11-21T10:15:00.000Z',
      'content-type': 'application/json',
    });
  });
});
