import { randomBytes, randomUUID } from 'node:crypto';
import { bearer, postJson } from '../support/http';
import { readRecords } from '../support/kafka-client';
import { newVoucherCode } from '../support/purchases';
import { useBridge } from '../support/use-bridge';
import { EVENT_ID_V7 } from '../support/voucher-events';

describe('cashboxes post redemptions and cancellations, published like purchases', () => {
  const context = useBridge();

  const redemption = (overrides: Record<string, unknown> = {}) => ({
    voucherCode: newVoucherCode(), amount: { value: 1500, currency: 'EUR' }, storeId: 'store-042', cashboxId: 'box-7',
    receiptNumber: `R-${randomBytes(4).toString('hex')}`, redeemedAt: '2026-11-22T10:00:00+01:00', ...overrides,
  });
  const cancellation = (overrides: Record<string, unknown> = {}) => ({
    voucherCode: newVoucherCode(), storeId: 'store-042', cashboxId: 'box-7', receiptNumber: `R-${randomBytes(4).toString('hex')}`,
    cancelledAt: '2026-11-23T10:00:00+01:00', reason: 'sold by mistake', ...overrides,
  });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    postJson(`${context.bridge.gateway.baseUrl}${path}`, body, { ...bearer(context.bridge.cashboxKey.secret), ...headers });

  it('publishes each type keyed by voucher code, with its CloudEvents type and the event body', async () => {
    const redeem = redemption();
    const cancel = cancellation();
    const redeemed = await post('/v1/voucher-redemptions', redeem);
    const cancelled = await post('/v1/voucher-cancellations', cancel);
    expect([redeemed.status, cancelled.status]).toEqual([202, 202]);
    for (const answer of [redeemed, cancelled]) expect(answer.body.eventId).toMatch(EVENT_ID_V7);

    const records = await readRecords(context.bridge.topic, 2);
    const byKey = new Map(records.map((r) => [r.key, r]));
    const redeemRecord = byKey.get(redeem.voucherCode)!;
    expect(redeemRecord.headers).toMatchObject({ ce_type: 'voucher.redeemed', ce_id: redeemed.body.eventId, ce_specversion: '1.0' });
    expect(JSON.parse(redeemRecord.value)).toMatchObject({
      eventId: redeemed.body.eventId, eventType: 'voucher.redeemed', schemaVersion: 1, voucherCode: redeem.voucherCode,
      source: { storeId: 'store-042', cashboxId: 'box-7' },
      payload: { amount: { value: 1500, currency: 'EUR' }, receiptNumber: redeem.receiptNumber, redeemedAt: redeem.redeemedAt },
    });
    const cancelRecord = byKey.get(cancel.voucherCode)!;
    expect(cancelRecord.headers).toMatchObject({ ce_type: 'voucher.cancelled', ce_id: cancelled.body.eventId });
    expect(JSON.parse(cancelRecord.value)).toMatchObject({
      eventType: 'voucher.cancelled', payload: { receiptNumber: cancel.receiptNumber, cancelledAt: cancel.cancelledAt, reason: 'sold by mistake' },
    });
  });

  it('answers a retry of the same receipt with the original eventId, and another request on it with 409', async () => {
    const body = redemption();
    const first = await post('/v1/voucher-redemptions', body);
    expect(first.status).toBe(202);
    expect(await post('/v1/voucher-redemptions', { ...body })).toMatchObject({ status: 202, body: first.body });
    const other = await post('/v1/voucher-redemptions', { ...body, amount: { value: 99, currency: 'EUR' } });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ status: 409, field: 'receiptNumber' });
    const { rows } = await context.db.query('SELECT count(*)::int AS n FROM gateway_outbox WHERE message_key = $1', [body.voucherCode]);
    expect(rows[0].n).toBe(1);
  });

  it('honours Idempotency-Key: the same key with another cancellation is 422', async () => {
    const key = randomUUID();
    const first = await post('/v1/voucher-cancellations', cancellation(), { 'idempotency-key': key });
    expect(first.status).toBe(202);
    const reused = await post('/v1/voucher-cancellations', cancellation(), { 'idempotency-key': key });
    expect(reused).toMatchObject({ status: 422, body: { field: 'Idempotency-Key' } });
  });

  it('turns concurrent duplicates into one event', async () => {
    const body = cancellation();
    const answers = await Promise.all(Array.from({ length: 30 }, () => post('/v1/voucher-cancellations', { ...body })));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
  });

  it.each([
    ['/v1/voucher-redemptions', 'amount.value', redemption({ amount: { value: 0, currency: 'EUR' } })],
    ['/v1/voucher-redemptions', 'redeemedAt', redemption({ redeemedAt: 'yesterday' })],
    ['/v1/voucher-cancellations', 'reason', cancellation({ reason: '' })],
    ['/v1/voucher-cancellations', 'eventId', cancellation({ eventId: randomUUID() })],
  ])('answers %s with 400 naming %s, and writes nothing', async (path, field, body) => {
    const answer = await post(path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const { rows } = await context.db.query('SELECT count(*)::int AS n FROM gateway_outbox WHERE message_key = $1', [(body as { voucherCode: string }).voucherCode]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses another store with 403 and no key with 401', async () => {
    expect((await post('/v1/voucher-redemptions', redemption({ storeId: 'store-999' }))).status).toBe(403);
    expect((await postJson(`${context.bridge.gateway.baseUrl}/v1/voucher-cancellations`, cancellation())).status).toBe(401);
  });
});
