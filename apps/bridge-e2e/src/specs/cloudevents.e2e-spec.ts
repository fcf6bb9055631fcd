import { CloudEvent, Kafka, KafkaMessage } from 'cloudevents';
import { readRecords } from '../support/kafka-client';
import { postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('events on the topic are CloudEvents 1.0 in binary mode', () => {
  const context = useBridge();

  it('carries ce_ headers that the cloudevents SDK reads back, keyed by voucher code', async () => {
    const body = purchaseBody();
    const accepted = await postPurchase(context.bridge, body);
    expect(accepted.status).toBe(202);
    const [record] = (await readRecords(context.bridge.topic, 1)).filter((r) => r.key === body.voucherCode);

    const message: KafkaMessage = { key: record.key, value: record.value, headers: record.headers, body: record.value };
    const event = Kafka.toEvent(message);
    expect(Array.isArray(event)).toBe(false);
    const cloudEvent = event as CloudEvent<Record<string, unknown>> & { partitionkey?: string };
    expect(cloudEvent.validate()).toBe(true);
    expect({
      specversion: cloudEvent.specversion, id: cloudEvent.id, type: cloudEvent.type, source: cloudEvent.source,
      time: cloudEvent.time, datacontenttype: cloudEvent.datacontenttype,
    }).toEqual({
      specversion: '1.0', id: accepted.body.eventId, type: 'voucher.purchased', source: '/stores/store-042/cashboxes/box-7',
      time: expect.any(String), datacontenttype: 'application/json',
    });
    expect(cloudEvent.partitionkey).toBe(body.voucherCode);
    expect(cloudEvent.data).toMatchObject({ eventId: accepted.body.eventId, voucherCode: body.voucherCode, payload: { amount: body.amount } });
  });
});
