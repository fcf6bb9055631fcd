import { InvalidVoucherEventError, parseVoucherEvent, serializeVoucherEvent } from '../serialization';
import { voucherRedeemed } from './voucher-redeemed.event';

const validEvent = () =>
  voucherRedeemed({
    eventId: '5a1d7c2e-3b4f-4e6a-8c9d-0e1f2a3b4c5d', occurredAt: '2026-11-22T09:00:00.000Z', voucherCode: 'GIFT-2026-ABCD',
    storeId: 'store-042', cashboxId: 'box-7',
    payload: { amount: { value: 1500, currency: 'EUR' }, receiptNumber: 'R-2026-000200', redeemedAt: '2026-11-22T10:00:00+01:00' },
  });

function reasonAndFields(raw: unknown): [string, string[]] {
  try {
    parseVoucherEvent(JSON.stringify(raw));
  } catch (error) {
    if (error instanceof InvalidVoucherEventError) return [error.reason, error.violations.map((v) => v.field)];
    throw error;
  }
  throw new Error('expected parseVoucherEvent to reject');
}

describe('voucher.redeemed v1', () => {
  it('round-trips through serialise and parse unchanged', () => {
    const event = validEvent();
    expect(parseVoucherEvent(serializeVoucherEvent(event))).toEqual(event);
  });

  it.each([
    ['payload.amount', { amount: [] }],
    ['payload.amount.value', { amount: { value: 0, currency: 'EUR' } }],
    ['payload.redeemedAt', { redeemedAt: '2026-11-22 10:00' }],
    ['payload.receiptNumber', { receiptNumber: '' }],
  ])('names %s when it is invalid', (field, override) => {
    const event = validEvent();
    expect(reasonAndFields({ ...event, payload: { ...event.payload, ...override } })).toEqual(['invalid-event', expect.arrayContaining([field])]);
  });

  it('refuses a schema version it does not know', () => {
    expect(reasonAndFields({ ...validEvent(), schemaVersion: 2 })[0]).toBe('unsupported-schema-version');
  });
});
