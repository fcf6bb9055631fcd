import { randomUUID } from 'node:crypto';
import { bearer, postJson } from '../support/http';
import { readRecords } from '../support/kafka-client';
import { purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('a cashbox that retries gets the original answer, and one event only', () => {
  const context = useBridge();

  function post(body: unknown, idempotencyKey?: string) {
    return postJson(`${context.bridge.gateway.baseUrl}/v1/voucher-purchases`, body, {
      ...bearer(context.bridge.cashboxKey.secret),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    });
  }

  async function outboxRows(voucherCode: string): Promise<number> {
    const { rows } = await context.db.query('SELECT count(*)::int AS n FROM gateway_outbox WHERE message_key = $1', [voucherCode]);
    return rows[0].n;
  }

  it('answers a retry with the same Idempotency-Key like the first time', async () => {
    const key = randomUUID();
    const body = purchaseBody();
    const first = await post(body, key);
    const again = await post({ ...body }, key);
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, body: first.body });
    expect(await outboxRows(body.voucherCode)).toBe(1);
  });

  it('refuses the same Idempotency-Key with another request: 422 naming the header, nothing written', async () => {
    const key = randomUUID();
    expect((await post(purchaseBody(), key)).status).toBe(202);
    const other = purchaseBody();
    const reused = await post(other, key);
    expect(reused.status).toBe(422);
    expect(reused.contentType).toContain('application/problem+json');
    expect(reused.body).toMatchObject({ status: 422, field: 'Idempotency-Key' });
    expect(await outboxRows(other.voucherCode)).toBe(0);
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header', async () => {
    const answer = await post(purchaseBody(), 'x'.repeat(300));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('turns many concurrent duplicates into exactly one event on the topic, with or without a key', async () => {
    const withKey = { body: purchaseBody(), key: randomUUID() };
    const withoutKey = { body: purchaseBody(), key: undefined };
    const answers = await Promise.all(
      [withKey, withoutKey].flatMap(({ body, key }) => Array.from({ length: 40 }, () => post({ ...body }, key))),
    );
    for (const [i, { body }] of [withKey, withoutKey].entries()) {
      const mine = answers.slice(i * 40, (i + 1) * 40);
      expect(new Set(mine.map((a) => a.status))).toEqual(new Set([202]));
      expect(new Set(mine.map((a) => a.body.eventId)).size).toBe(1);
      expect(await outboxRows(body.voucherCode)).toBe(1);
    }
    // Everything this spec accepted (1 + 1 + 0 + 2 events) is on the topic; these two codes once each.
    const records = await readRecords(context.bridge.topic, 4);
    for (const { body } of [withKey, withoutKey]) {
      expect(records.filter((r) => r.key === body.voucherCode)).toHaveLength(1);
    }
  });
});
