import { serializeVoucherEvent, voucherDeadLetterTopic, voucherPurchased } from '@voucher-bridge/voucher-contract';
import { randomUUID } from 'node:crypto';
import { produce, readRecords } from '../support/kafka-client';
import { eventuallyRegistered, newVoucherCode } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('an event that can never be processed goes to the dead-letter topic', () => {
  const context = useBridge();

  it('parks it with the reason and moves on to the next event of the partition', async () => {
    const code = newVoucherCode();
    const valid = voucherPurchased({
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      voucherCode: code,
      storeId: 'store-1',
      cashboxId: 'box-1',
      payload: { amount: { value: 2500, currency: 'CHF' }, receiptNumber: 'R-1', purchasedAt: '2026-11-21T10:00:00Z' },
    });
    const invalid = { ...valid, eventId: randomUUID(), payload: { ...valid.payload, amount: { value: -5, currency: 'CHF' } } };
    // Same key, so same partition, in this order: garbage, an invalid event, then a valid one.
    // The garbage starts with NUL bytes, which the parse error quotes and PostgreSQL's text refuses.
    await produce(context.bridge.topic, [
      { key: code, value: '\u0000\u0000not json at all' },
      { key: code, value: JSON.stringify(invalid) },
      { key: code, value: serializeVoucherEvent(valid) },
    ]);

    expect(await eventuallyRegistered(context.bridge, code)).toMatchObject({ balance: 2500, currency: 'CHF' });

    const dead = await readRecords(voucherDeadLetterTopic(context.bridge.environment), 2);
    expect(dead.map((r) => r.headers['dead-letter-reason'])).toEqual(['malformed-json', 'invalid-event']);
    expect(dead[1].headers['dead-letter-detail']).toContain('payload.amount.value');
    expect(dead[1]).toMatchObject({ key: code, value: JSON.stringify(invalid) });
    expect(dead[0].headers['source-topic']).toBe(context.bridge.topic);
  });
});
