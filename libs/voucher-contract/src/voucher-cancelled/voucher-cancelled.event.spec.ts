import { InvalidVoucherEventError, parseVoucherEvent, serializeVoucherEvent } from '../serialization';
import { voucherCancelled } from './voucher-cancelled.event';

const validEvent = () =>
  voucherCancelled({
    eventId: '6b2e8d3f-4c5a-4f7b-9d0e-1f2a3b4c5d6e', occurredAt: '2026-11-23T09:00:00.000Z', voucherCode: 'GIFT-2026-ABCD',
    storeId: 'store-042', cashboxId: 'box-7',
    payload: { receiptNumber: 'R-2026-000300', cancelledAt: '2026-11-23T10:00:00+01:00', reason: 'sold by mistake' },
  });

function fieldsOf(raw: unknown): string[] {
  try {
    parseVoucherEvent(JSON.stringify(raw));
  } catch (error) {
    if (error instanceof InvalidVoucherEventError) return error.violations.map((v) => v.field);
    throw error;
  }
  throw new Error('expected parseVoucherEvent to reject');
}

describe('voucher.cancelled v1', () => {
  it('round-trips through serialise and parse unchanged', () => {
    const event = validEvent();
    expect(parseVoucherEvent(serializeVoucherEvent(event))).toEqual(event);
  });

  it.each([
    ['payload.reason', { reason: '' }],
    ['payload.reason', { reason: 'x'.repeat(201) }],
    ['payload.reason', { reason: 'line\nbreak' }],
    ['payload.cancelledAt', { cancelledAt: '2026-02-30T10:00:00Z' }],
  ])('names %s when it is invalid', (field, override) => {
    const event = validEvent();
    expect(fieldsOf({ ...event, payload: { ...event.payload, ...override } })).toContain(field);
  });

  it('refuses fields the type does not have', () => {
    const event = validEvent();
    expect(fieldsOf({ ...event, payload: { ...event.payload, amount: { value: 1, currency: 'EUR' } } })).toContain('payload.amount');
  });
});
