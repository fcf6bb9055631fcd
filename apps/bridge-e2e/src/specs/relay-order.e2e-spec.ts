import { voucherEventRecord, voucherPurchased } from '@voucher-bridge/voucher-contract';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { bearer, postJson } from '../support/http';
import { kafkaBroker } from '../support/kafka-broker';
import { readRecords } from '../support/kafka-client';
import { newVoucherCode, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('the relay publishes every accepted event once, in acceptance order per voucher', () => {
  // Small batches: the burst below leaves in transactions of several batches each.
  const context = useBridge({ OUTBOX_BATCH_SIZE: '10', OUTBOX_TRANSACTION_ROWS: '30' });

  afterAll(async () => {
    await kafkaBroker('start');
  });

  const redeem = (voucherCode: string, n: number) =>
    postJson(`${context.bridge.gateway.baseUrl}/v1/voucher-redemptions`, {
      voucherCode, amount: { value: 100 + n, currency: 'EUR' }, storeId: 'store-042', cashboxId: 'box-7',
      receiptNumber: `R-${randomUUID().slice(0, 8)}`, redeemedAt: '2026-11-22T10:00:00+01:00',
    }, bearer(context.bridge.cashboxKey.secret));

  it('keeps a burst accepted while the broker is down: each event once, per voucher in order', async () => {
    await kafkaBroker('stop');
    // 20 vouchers side by side, each with a purchase and three redemptions posted one after another.
    const accepted = await Promise.all(Array.from({ length: 20 }, async () => {
      const voucherCode = newVoucherCode();
      const ids = [(await postPurchase(context.bridge, purchaseBody({ voucherCode }))).body.eventId];
      for (let n = 0; n < 3; n++) ids.push((await redeem(voucherCode, n)).body.eventId);
      return { voucherCode, ids };
    }));
    expect(accepted.flatMap((a) => a.ids).every((id) => typeof id === 'string')).toBe(true);

    await kafkaBroker('start');
    const records = await readRecords(context.bridge.topic, 80);
    const onTopic = records.map((r) => r.headers.ce_id);
    expect(new Set(onTopic).size).toBe(onTopic.length);
    for (const { voucherCode, ids } of accepted) {
      expect(records.filter((r) => r.key === voucherCode).map((r) => r.headers.ce_id)).toEqual(ids);
    }
  });

  it('never skips a row whose transaction commits after rows with higher ids were sent', async () => {
    const voucherCode = newVoucherCode();
    const event = voucherPurchased({
      eventId: randomUUID(), occurredAt: new Date().toISOString(), voucherCode, storeId: 'store-042', cashboxId: 'box-7',
      payload: { amount: { value: 700, currency: 'EUR' }, receiptNumber: 'R-LATE', purchasedAt: '2026-11-21T11:15:00+01:00' },
    });
    const record = voucherEventRecord(event);
    const late = await context.db.connect();
    try {
      // The row gets its id now and commits only after a later purchase was relayed.
      await late.query('BEGIN');
      const { rows } = await late.query<{ id: string }>(
        'INSERT INTO gateway_outbox (event_id, topic, message_key, payload, headers) VALUES ($1, $2, $3, $4, $5) RETURNING id::text',
        [event.eventId, context.bridge.topic, record.key, record.value, JSON.stringify(record.headers)]);
      const later = await postPurchase(context.bridge, purchaseBody());
      await eventually('the later purchase to be sent', async () => {
        const sent = await context.db.query('SELECT id::text, sent_at FROM gateway_outbox WHERE event_id = $1', [later.body.eventId]);
        expect(BigInt(sent.rows[0].id)).toBeGreaterThan(BigInt(rows[0].id));
        expect(sent.rows[0].sent_at).not.toBeNull();
      });
      await late.query('COMMIT');
    } finally {
      late.release();
    }
    await eventually('the late row to be sent too', async () => {
      const { rows } = await context.db.query('SELECT sent_at FROM gateway_outbox WHERE event_id = $1', [event.eventId]);
      expect(rows[0].sent_at).not.toBeNull();
    });
    const records = await readRecords(context.bridge.topic, 82);
    expect(records.filter((r) => r.headers.ce_id === event.eventId)).toHaveLength(1);
  });
});
