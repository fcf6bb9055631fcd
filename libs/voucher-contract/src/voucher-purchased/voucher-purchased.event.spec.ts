import { InvalidVoucherEventError, parseVoucherEvent, serializeVoucherEvent } from '../serialization';
import { voucherPurchased } from './voucher-purchased.event';

const validEvent = () =>
  voucherPurchased({
    eventId: '3f0c8f5e-8a9b-4c8e-9d3e-2a1b4c5d6e7f',
    occurredAt: '2026-11-21T10:15:00.000Z',
    voucherCode: 'GIFT-2026-ABCD',
    storeId: 'store-042',
    cashboxId: 'box-7',
    payload: {
      amount: { value: 5000, currency: 'EUR' },
      receiptNumber: 'R-2026-000123',
      purchasedAt: '2026-11-21T11:15:00+01:00',
      expiresAt: '2029-11-21T23:59:59+01:00',
    },
  });

function parseError(raw: unknown): InvalidVoucherEventError {
  try {
    parseVoucherEvent(typeof raw === 'string' ? raw : JSON.stringify(raw));
  } catch (error) {
    if (error instanceof InvalidVoucherEventError) return error;
    throw error;
  }
  throw new Error('expected parseVoucherEvent to reject');
}

describe('voucher.purchased v1', () => {
  it('round-trips through serialise and parse unchanged', () => {
    const event = validEvent();
    expect(parseVoucherEvent(Buffer.from(serializeVoucherEvent(event)))).toEqual(event);
  });

  it('accepts an event without expiry', () => {
    const event = validEvent();
    delete event.payload.expiresAt;
    expect((parseVoucherEvent(JSON.stringify(event)) as typeof event).payload.expiresAt).toBeUndefined();
  });

  it('rejects an event nested thousands of levels deep as invalid, instead of overflowing the stack', () => {
    const event = validEvent();
    const deep = JSON.stringify({ ...event, payload: { ...event.payload, receiptNumber: '@' } }).replace('"@"', '['.repeat(5_000) + ']'.repeat(5_000));
    expect(parseError(deep)).toMatchObject({ reason: 'invalid-event', violations: [{ field: '$' }] });
  });

  it('rejects malformed JSON as malformed-json', () => {
    const error = parseError('{"eventId": ');
    expect(error.reason).toBe('malformed-json');
  });

  it.each([
    ['eventId', { eventId: 'not-a-uuid' }],
    ['eventType', { eventType: 'voucher.melted' }],
    ['occurredAt', { occurredAt: '2026-11-21T10:15:00' }],
    ['voucherCode', { voucherCode: 'lower-case-code' }],
    ['source.storeId', { source: { storeId: '', cashboxId: 'box-7' } }],
    ['source', { source: undefined }],
    ['source', { source: [{ storeId: 'store-042', cashboxId: 'box-7' }] }],
    ['occurredAt', { occurredAt: '2026-02-30T10:15:00Z' }],
  ])('names %s when the envelope is invalid', (field, override) => {
    const error = parseError({ ...validEvent(), ...override });
    expect(error.reason).toBe('invalid-event');
    expect(error.violations.map((v) => v.field)).toContain(field);
  });

  it.each([
    ['payload.amount.value', { amount: { value: 0, currency: 'EUR' } }],
    ['payload.amount.value', { amount: { value: 12.5, currency: 'EUR' } }],
    ['payload.amount.currency', { amount: { value: 100, currency: 'XXY' } }],
    ['payload.purchasedAt', { purchasedAt: 'yesterday' }],
    ['payload.purchasedAt', { purchasedAt: '0000-01-01T00:00:00Z' }],
    ['payload.amount', { amount: [] }],
    ['payload.expiresAt', { expiresAt: '2020-01-01T00:00:00Z' }],
    ['payload.receiptNumber', { receiptNumber: 'has space' }],
  ])('names %s when the payload is invalid', (field, override) => {
    const event = validEvent();
    const error = parseError({ ...event, payload: { ...event.payload, ...override } });
    expect(error.violations.map((v) => v.field)).toContain(field);
  });

  it('rejects unknown fields in envelope and payload', () => {
    const event = validEvent();
    const error = parseError({ ...event, extra: 1, payload: { ...event.payload, sneaky: true } });
    expect(error.violations.map((v) => v.field)).toEqual(expect.arrayContaining(['extra', 'payload.sneaky']));
  });

  it('rejects a schema version this build does not know', () => {
    const error = parseError({ ...validEvent(), schemaVersion: 2 });
    expect(error.reason).toBe('unsupported-schema-version');
  });

  it('refuses to serialise an invalid event', () => {
    const event = validEvent();
    event.payload.amount.value = -1;
    expect(() => serializeVoucherEvent(event)).toThrow(InvalidVoucherEventError);
  });
});
