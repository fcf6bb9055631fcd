import { setTimeout as delay } from 'node:timers/promises';
import { eventually } from '../support/eventually';
import { newVoucherCode, purchaseBody } from '../support/purchases';
import { TestSubscription, createSubscription, deleteSubscriptions } from '../support/subscriptions';
import { useBridge } from '../support/use-bridge';
import { produceEvents, purchaseEventOf, redemption } from '../support/voucher-events';
import { FAST_WEBHOOK_ENV, deliveriesOf, verifyPush } from '../support/webhook-deliveries';
import { WebhookReceiver } from '../support/webhook-receiver';

describe('pushes survive the connector stopping or crashing', () => {
  const context = useBridge(FAST_WEBHOOK_ENV);
  const receiver = new WebhookReceiver();
  let subscription: TestSubscription;

  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.answer = () => ({ status: 204 });
    await receiver.start();
    subscription = await createSubscription(context.bridge, { url: receiver.url, eventTypes: ['voucher.purchased', 'voucher.redeemed'] });
  });

  afterEach(async () => {
    await deleteSubscriptions(context.bridge, [subscription.id]);
    await receiver.stop();
  });

  it('still delivers after the connector was restarted while retrying', async () => {
    receiver.answer = () => ({ status: 503 });
    const purchase = purchaseEventOf(purchaseBody());
    await produceEvents(context.bridge, [purchase]);
    await eventually('two failed attempts', async () => {
      const [row] = await deliveriesOf(context.db, subscription.id);
      if (!row || row.attempts < 2 || row.last_status !== 503) throw new Error(JSON.stringify(row));
    });

    await context.bridge.connector.stop();
    receiver.answer = () => ({ status: 204 });
    await context.bridge.connector.start();

    await eventually('the delivery', async () => {
      const [row] = await deliveriesOf(context.db, subscription.id);
      if (row.status !== 'delivered') throw new Error(`${row.status} after ${row.attempts} attempts`);
    });
    const pushes = receiver.received;
    expect(pushes.length).toBeGreaterThanOrEqual(3);
    // Every attempt is the same message: one webhook-id, one body; the last is signed validly.
    expect(new Set(pushes.map((push) => push.headers['webhook-id']))).toEqual(new Set([purchase.eventId]));
    expect(new Set(pushes.map((push) => push.body)).size).toBe(1);
    expect(verifyPush(subscription.secret, pushes.at(-1)!)).toEqual(pushes[0].json);
  });

  it('after a SIGKILL mid-batch applies every event once and delivers each at least once, in order, with a stable webhook-id', async () => {
    // A shop that takes a moment to answer, so the kill finds pushes in flight.
    receiver.answer = () => ({ status: 204 });
    const vouchers = Array.from({ length: 150 }, () => newVoucherCode());
    const events = vouchers.flatMap((voucherCode) => [
      purchaseEventOf(purchaseBody({ voucherCode, amount: { value: 3000, currency: 'EUR' } })),
      redemption(voucherCode, 1000),
      redemption(voucherCode, 500),
    ]);
    await produceEvents(context.bridge, events);
    await eventually('the first pushes', async () => {
      if (receiver.received.length === 0) throw new Error('nothing received yet');
    }, 400, 5);
    await context.bridge.connector.kill();
    const receivedBeforeKill = receiver.received.length;
    await delay(200);
    await context.bridge.connector.start();

    await eventually('every delivery to be made', async () => {
      const rows = await deliveriesOf(context.db, subscription.id);
      const delivered = rows.filter((row) => row.status === 'delivered').length;
      if (rows.length !== events.length || delivered !== events.length) throw new Error(`${delivered} of ${rows.length} delivered`);
    }, 480);
    expect(receivedBeforeKill).toBeLessThan(events.length);

    // Applied exactly once: one history row per event, sequences 1..3 per voucher.
    const { rows: history } = await context.db.query<{ event_id: string; n: number }>(
      'SELECT event_id::text AS event_id, count(*)::int AS n FROM registry_voucher_history WHERE event_id = ANY($1::uuid[]) GROUP BY event_id',
      [events.map((event) => event.eventId)]);
    expect(history).toHaveLength(events.length);
    expect(history.every((row) => row.n === 1)).toBe(true);

    // Delivered at least once each, the webhook-id always the event id, each voucher's pushes in order.
    const received = new Set(receiver.received.map((push) => push.headers['webhook-id']));
    expect(events.every((event) => received.has(event.eventId))).toBe(true);
    expect(receiver.received.every((push) => push.headers['webhook-id'] === push.json.id)).toBe(true);
    for (const voucherCode of vouchers) {
      const sequences = receiver.of(voucherCode).map((push) => push.json.data.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(new Set(sequences)).toEqual(new Set([1, 2, 3]));
    }
    for (const push of receiver.received.slice(-10)) expect(verifyPush(subscription.secret, push)).toEqual(push.json);
  });
});
