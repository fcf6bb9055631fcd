import { validatePlain } from '@voucher-bridge/voucher-contract';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';

const valid = {
  voucherCode: 'GIFT-2026-ABCD',
  amount: { value: 5000, currency: 'EUR' },
  storeId: 'store-042',
  cashboxId: 'box-7',
  receiptNumber: 'R-000123',
  purchasedAt: '2026-11-21T11:15:00+01:00',
};

const fieldsAtFault = (body: object) => validatePlain(VoucherPurchaseRequestDto, body).violations.map((v) => v.field);

describe('VoucherPurchaseRequestDto validation', () => {
  it('accepts a complete purchase, with or without expiry', () => {
    expect(fieldsAtFault(valid)).toEqual([]);
    expect(fieldsAtFault({ ...valid, expiresAt: '2029-11-21T23:59:59Z' })).toEqual([]);
  });

  it.each([
    ['voucherCode', { voucherCode: 'ABCDEFG' }],
    ['voucherCode', { voucherCode: 'A'.repeat(65) }],
    ['voucherCode', { voucherCode: 'GIFT_2026_ABCD' }],
    ['amount.value', { amount: { value: 1.5, currency: 'EUR' } }],
    ['amount.value', { amount: { value: -100, currency: 'EUR' } }],
    ['amount.currency', { amount: { value: 100, currency: 'eur' } }],
    ['amount.unexpected', { amount: { value: 100, currency: 'EUR', unexpected: 1 } }],
    ['purchasedAt', { purchasedAt: '2026-11-21' }],
    ['purchasedAt', { purchasedAt: '2026-13-45T25:00:00Z' }],
    ['amount', { amount: [] }],
    ['amount', { amount: [{ value: 100, currency: 'EUR' }] }],
    ['amount', { amount: '100 EUR' }],
    ['purchasedAt', { purchasedAt: '0000-01-01T00:00:00Z' }],
    ['purchasedAt', { purchasedAt: '1999-12-31T23:59:59Z' }],
    ['purchasedAt', { purchasedAt: '2026-02-29T10:00:00Z' }],
    ['purchasedAt', { purchasedAt: '2026-04-31T10:00:00Z' }],
    ['purchasedAt', { purchasedAt: '2026-11-21T24:00:00Z' }],
    ['purchasedAt', { purchasedAt: '2026-11-21T10:00:60Z' }],
    ['purchasedAt', { purchasedAt: '2026-11-21T10:00:00+23:00' }],
    ['purchasedAt', { purchasedAt: '2026-11-21T10:00:00-14:01' }],
    ['purchasedAt', { purchasedAt: '2026-11-21T10:00:00+01:60' }],
    ['expiresAt', { expiresAt: '2026-11-21T10:15:00+01:00' }],
    ['storeId', { storeId: 'x'.repeat(65) }],
    ['unknownField', { unknownField: true }],
  ])('rejects a bad %s', (field, override) => {
    expect(fieldsAtFault({ ...valid, ...override })).toContain(field);
  });

  it.each([
    '2000-01-01T00:00:00Z', '2028-02-29T10:00:00Z', '9999-12-31T23:59:59.999999999-12:00', '2026-11-21T10:00+14:00',
  ])('accepts the date-time %s', (purchasedAt) => {
    expect(fieldsAtFault({ ...valid, purchasedAt, expiresAt: undefined })).toEqual([]);
  });

  it('accepts the longest voucher code and the 8-character minimum', () => {
    expect(fieldsAtFault({ ...valid, voucherCode: 'A'.repeat(64) })).toEqual([]);
    expect(fieldsAtFault({ ...valid, voucherCode: 'ABCD-123' })).toEqual([]);
  });
});
