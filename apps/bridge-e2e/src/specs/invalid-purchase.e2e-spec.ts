import { countRows } from '../support/database';
import { postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('an invalid purchase gets a 400 problem naming the field, and nothing is written', () => {
  const context = useBridge();

  it.each([
    ['voucherCode', { voucherCode: 'short' }],
    ['voucherCode', { voucherCode: 'lower-case-not-allowed' }],
    ['amount.value', { amount: { value: 0, currency: 'EUR' } }],
    ['amount.value', { amount: { value: '5000', currency: 'EUR' } }],
    ['amount.currency', { amount: { value: 5000, currency: 'EURO' } }],
    ['amount', { amount: undefined }],
    ['storeId', { storeId: '' }],
    ['cashboxId', { cashboxId: undefined }],
    ['receiptNumber', { receiptNumber: 42 }],
    ['purchasedAt', { purchasedAt: '2026-11-21T11:15:00' }],
    ['expiresAt', { expiresAt: '2020-01-01T00:00:00Z' }],
    ['unexpected', { unexpected: 'field' }],
    // Named like what every object inherits: once accepted and silently dropped.
    ['constructor', { constructor: null }],
    ['amount.toString', { amount: { value: 5000, currency: 'EUR', toString: 1 } }],
  ])('names %s', async (field, override) => {
    const before = [await countRows(context.db, 'gateway_purchase'), await countRows(context.db, 'gateway_outbox')];
    const answer = await postPurchase(context.bridge, purchaseBody(override));

    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, title: 'Invalid request body' });
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect([await countRows(context.db, 'gateway_purchase'), await countRows(context.db, 'gateway_outbox')]).toEqual(before);
  });

  it('lists every bad field at once', async () => {
    const answer = await postPurchase(context.bridge, purchaseBody({ voucherCode: '?', storeId: '', amount: { value: -1, currency: 'EUR' } }));
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount.value', 'storeId', 'voucherCode']);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const answer = await postPurchase(context.bridge, '{"voucherCode": ');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400 });
  });

  it('does not echo the voucher code back in a problem', async () => {
    const secret = 'SECRET-CODE-1234';
    const answer = await postPurchase(context.bridge, purchaseBody({ voucherCode: secret, amount: { value: 0, currency: 'EUR' } }));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).not.toContain(secret);
  });
});
