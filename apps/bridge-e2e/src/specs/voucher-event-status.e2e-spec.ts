import { randomUUID } from 'node:crypto';
import { createCashboxKey } from '../support/admin-cli';
import { eventually } from '../support/eventually';
import { bearer, getJson, postJson } from '../support/http';
import { readRecords } from '../support/kafka-client';
import { kafkaBroker } from '../support/kafka-broker';
import { newVoucherCode, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('GET /v1/voucher-events/{eventId} tells a cashbox what became of its event', () => {
  const context = useBridge();

  afterAll(async () => {
    await kafkaBroker('start');
  });

  const eventStatus = (eventId: string, secret = context.bridge.cashboxKey.secret) =>
    getJson(`${context.bridge.gateway.baseUrl}/v1/voucher-events/${eventId}`, bearer(secret));

  it('answers accepted while Kafka is away, then published where a consumer finds it', async () => {
    await kafkaBroker('stop');
    const body = purchaseBody();
    const posted = await postPurchase(context.bridge, body);
    expect(posted.status).toBe(202);
    const { eventId } = posted.body;

    expect(await eventStatus(eventId)).toMatchObject({ status: 200, body: { eventId, status: 'accepted' } });
    expect((await eventStatus(eventId)).body).toEqual({ eventId, status: 'accepted' });

    await kafkaBroker('start');
    const published = await eventually('the event to be published', async () => {
      const answer = await eventStatus(eventId);
      expect(answer.body.status).toBe('published');
      return answer.body;
    }, 480);
    expect(published).toEqual({
      eventId, status: 'published', topic: context.bridge.topic,
      partition: expect.any(Number), offset: expect.stringMatching(/^\d+$/), publishedAt: expect.any(String),
    });
    expect(Date.parse(published.publishedAt)).not.toBeNaN();

    const records = await readRecords(context.bridge.topic, 1);
    const record = records.find((r) => r.headers.ce_id === eventId);
    expect(record).toMatchObject({ key: body.voucherCode, partition: published.partition, offset: published.offset });
  });

  it('answers 404 for an unknown id and for another store\'s event, 400 for a malformed id, 401 without a key', async () => {
    const posted = await postPurchase(context.bridge, purchaseBody());
    expect(posted.status).toBe(202);

    const unknown = await eventStatus(randomUUID());
    expect(unknown).toMatchObject({ status: 404, contentType: expect.stringContaining('application/problem+json') });

    const otherStore = await createCashboxKey('store-043', 'box-1');
    const foreign = await eventStatus(posted.body.eventId, otherStore.secret);
    expect(foreign).toMatchObject({ status: 404, body: unknown.body });

    const malformed = await eventStatus('not-an-event-id');
    expect(malformed).toMatchObject({
      status: 400,
      contentType: expect.stringContaining('application/problem+json'),
      body: { errors: [{ field: 'eventId' }] },
    });

    const anonymous = await getJson(`${context.bridge.gateway.baseUrl}/v1/voucher-events/${posted.body.eventId}`);
    expect(anonymous.status).toBe(401);
  });

  it('knows redemptions and cancellations too', async () => {
    const redemption = await postJson(`${context.bridge.gateway.baseUrl}/v1/voucher-redemptions`, {
      voucherCode: newVoucherCode(), amount: { value: 100, currency: 'EUR' }, storeId: 'store-042', cashboxId: 'box-7',
      receiptNumber: `R-${randomUUID().slice(0, 8)}`, redeemedAt: '2026-11-22T10:00:00+01:00',
    }, bearer(context.bridge.cashboxKey.secret));
    expect(redemption.status).toBe(202);
    await eventually('the redemption to be published', async () => {
      expect((await eventStatus(redemption.body.eventId)).body).toMatchObject({ eventId: redemption.body.eventId, status: 'published' });
    });
  });
});
