import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { createOperatorKey } from '../support/admin-cli';
import { eventually } from '../support/eventually';
import { bearer, getJson } from '../support/http';
import { newVoucherCode, purchaseBody } from '../support/purchases';
import { TestSubscription, createSubscription, deleteSubscriptions, newWebhookSecret, rotateSecret } from '../support/subscriptions';
import { useBridge } from '../support/use-bridge';
import { produceEvents, purchaseEventOf, redemption } from '../support/voucher-events';
import { FAST_WEBHOOK_ENV, deliveriesOf, verifyPush } from '../support/webhook-deliveries';
import { WebhookReceiver } from '../support/webhook-receiver';

const ALL_TYPES = ['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'];

describe('signed push to the shop', () => {
  const context = useBridge(FAST_WEBHOOK_ENV);
  const receiver = new WebhookReceiver();
  let subscription: TestSubscription;

  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.answer = () => ({ status: 204 });
    await receiver.start();
    subscription = await createSubscription(context.bridge, { url: receiver.url, eventTypes: ALL_TYPES });
  });

  afterEach(async () => {
    await deleteSubscriptions(context.bridge, [subscription.id]);
    await receiver.stop();
  });

  /** A purchase and two redemptions of one voucher, put on the topic in that order. */
  function lifecycle(voucherCode = newVoucherCode()) {
    const purchase = purchaseEventOf(purchaseBody({ voucherCode, amount: { value: 5000, currency: 'EUR' } }));
    return [purchase, redemption(voucherCode, 1500), redemption(voucherCode, 500)];
  }

  it('delivers everything once the shop is back: per voucher in order, signed, with the documented body', async () => {
    await receiver.stop();
    const vouchers = Array.from({ length: 5 }, () => lifecycle());
    await produceEvents(context.bridge, vouchers.flat());
    // The shop is down until the connector has tried (and failed) at least once.
    await eventually('attempts against the closed endpoint', async () => {
      const rows = await deliveriesOf(context.db, subscription.id);
      if (!rows.some((row) => row.attempts > 0 && row.last_error !== null)) throw new Error('no failed attempt yet');
    });
    await receiver.start();

    await eventually('every event to be delivered', async () => {
      const rows = await deliveriesOf(context.db, subscription.id);
      if (rows.length !== 15 || rows.some((row) => row.status !== 'delivered')) {
        throw new Error(`${rows.filter((r) => r.status === 'delivered').length} of ${rows.length} delivered`);
      }
    });
    for (const events of vouchers) {
      const pushes = receiver.of(events[0].voucherCode);
      expect(pushes.map((push) => push.json.data.sequence)).toEqual([1, 2, 3]);
      expect(pushes.map((push) => push.headers['webhook-id'])).toEqual(events.map((event) => event.eventId));
      for (const push of pushes) expect(verifyPush(subscription.secret, push)).toEqual(push.json);
    }
    const [purchase, firstRedemption] = vouchers[0];
    expect(receiver.of(purchase.voucherCode)[0].json).toEqual({
      type: 'voucher.purchased',
      id: purchase.eventId,
      timestamp: purchase.occurredAt,
      data: {
        voucherCode: purchase.voucherCode, sequence: 1, balance: 5000, currency: 'EUR', status: 'active',
        storeId: 'store-042', cashboxId: 'box-7', ...purchase.payload,
      },
    });
    expect(receiver.of(purchase.voucherCode)[1].json).toMatchObject({
      type: 'voucher.redeemed', id: firstRedemption.eventId,
      data: { sequence: 2, balance: 3500, currency: 'EUR', status: 'active', amount: { value: 1500, currency: 'EUR' } },
    });
    expect(receiver.of(purchase.voucherCode)[2].json.data).toMatchObject({ sequence: 3, balance: 3000 });
    expect(receiver.of(purchase.voucherCode)[0].headers['content-type']).toBe('application/json');
    // Delivered rows keep no body (it holds the full code); the first ones needed retries.
    const rows = await deliveriesOf(context.db, subscription.id);
    expect(rows.every((row) => row.payload === null && row.delivered_at !== null)).toBe(true);
    expect(Math.max(...rows.map((row) => row.attempts))).toBeGreaterThan(1);
    expect(rows.every((row) => !row.last_error?.includes(purchase.voucherCode))).toBe(true);

    // Counted per subscription and outcome; the retries were logged with the masked code only.
    const metrics = await (await fetch(`${context.bridge.connector.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`webhook_deliveries_total\\{subscription="${subscription.id}",outcome="delivered"[^}]*\\} 15\n`));
    expect(metrics).toMatch(new RegExp(`webhook_deliveries_total\\{subscription="${subscription.id}",outcome="retried"[^}]*\\} [1-9]`));
    expect(metrics).toMatch(/webhook_delivery_latency_seconds_count\{[^}]*\} [1-9]/);
    expect(metrics).toMatch(/webhook_deliveries_pending\{[^}]*\} \d+/);
    expect(context.bridge.connector.log).toMatch(/attempt 1 failed/);
    for (const events of vouchers) expect(context.bridge.connector.log).not.toContain(events[0].voucherCode);
  });

  it('disables the subscription when the shop answers 410 Gone', async () => {
    receiver.answer = () => ({ status: 410 });
    const [purchase, redeemed] = lifecycle();
    await produceEvents(context.bridge, [purchase]);

    await eventually('the subscription to be disabled', async () => {
      const { rows } = await context.db.query('SELECT status, disabled_reason, disabled_at FROM webhook_subscription WHERE id = $1', [subscription.id]);
      if (rows[0].status !== 'disabled') throw new Error(`subscription is ${rows[0].status}`);
      expect(rows[0].disabled_reason).toMatch(/410/);
      expect(rows[0].disabled_at).not.toBeNull();
    });
    const [delivery] = await deliveriesOf(context.db, subscription.id);
    expect(delivery).toMatchObject({ event_id: purchase.eventId, status: 'parked', last_status: 410 });
    expect(receiver.received).toHaveLength(1);

    // Later events are not queued for a disabled subscription.
    await produceEvents(context.bridge, [redeemed]);
    await eventually('the redemption to be registered', async () => {
      const { rows } = await context.db.query('SELECT last_sequence FROM registry_voucher WHERE voucher_code_hash = $1', [hashVoucherCode(purchase.voucherCode)]);
      if (rows[0]?.last_sequence !== 2) throw new Error('not yet');
    });
    expect(await deliveriesOf(context.db, subscription.id)).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('parks a delivery the shop refuses with 400, and the voucher\'s next event still goes', async () => {
    const [purchase, redeemed] = lifecycle();
    receiver.answer = (push) => ({ status: push.json.id === purchase.eventId ? 400 : 204 });
    await produceEvents(context.bridge, [purchase, redeemed]);

    await eventually('the redemption to be delivered', async () => {
      const rows = await deliveriesOf(context.db, subscription.id);
      if (rows[1]?.status !== 'delivered') throw new Error(JSON.stringify(rows.map((r) => r.status)));
    });
    const [parked, delivered] = await deliveriesOf(context.db, subscription.id);
    expect(parked).toMatchObject({ event_id: purchase.eventId, status: 'parked', attempts: 1, last_status: 400, last_error: 'endpoint answered 400' });
    // Parked deliveries keep their body, for a replay once the shop is fixed.
    expect(parked.payload).not.toBeNull();
    expect(delivered).toMatchObject({ event_id: redeemed.eventId, status: 'delivered', last_status: 204 });
    expect(receiver.received.map((push) => push.json.data.sequence)).toEqual([1, 2]);
    const { rows } = await context.db.query('SELECT status FROM webhook_subscription WHERE id = $1', [subscription.id]);
    expect(rows[0].status).toBe('active');
  });

  it('lists a parked push in the dead letters by why it failed: the shop\'s status, or that it could not be signed', async () => {
    const refused = lifecycle()[0];
    receiver.answer = (push) => ({ status: push.json.id === refused.eventId ? 400 : 204 });
    await produceEvents(context.bridge, [refused]);
    await eventually('the refused push to be parked', async () => {
      expect((await deliveriesOf(context.db, subscription.id))[0]?.status).toBe('parked');
    });
    // A secret that no key of this connector opens (altered in the table): nothing can sign the next push.
    await context.db.query("UPDATE webhook_subscription_secret SET secret = 'sc1:0000000000000000:AAAAAAAAAAAAAAAA:AAAA:AAAAAAAAAAAAAAAAAAAAAA==' WHERE subscription_id = $1", [subscription.id]);
    const unsignable = lifecycle()[0];
    await produceEvents(context.bridge, [unsignable]);
    await eventually('the unsignable push to be parked', async () => {
      expect((await deliveriesOf(context.db, subscription.id)).map((row) => row.status)).toEqual(['parked', 'parked']);
    });
    expect(receiver.of(unsignable.voucherCode)).toEqual([]);

    const operator = await createOperatorKey();
    const reasonOf = async (eventId: string) => {
      const answer = await getJson(`${context.bridge.connector.baseUrl}/v1/dead-letters/dlv_${subscription.id}_${eventId}`, bearer(operator.secret));
      expect(answer.status).toBe(200);
      return answer.body;
    };
    expect(await reasonOf(refused.eventId)).toMatchObject({ kind: 'delivery', reasonClass: 'delivery-failed', reason: 'http-400', detail: 'endpoint answered 400' });
    expect(await reasonOf(unsignable.eventId)).toMatchObject({ kind: 'delivery', reason: 'cannot-sign', detail: expect.stringMatching(/^cannot sign: /) });
    // The list filtered by that reason (every page: other specs may have left dead letters too).
    const listed: { id: string; reason: string }[] = [];
    let after: string | null = null;
    do {
      const page = await getJson(`${context.bridge.connector.baseUrl}/v1/dead-letters?kind=delivery&reason=cannot-sign&limit=100${after ? `&after=${after}` : ''}`, bearer(operator.secret));
      expect(page.status).toBe(200);
      listed.push(...page.body.items);
      after = page.body.nextCursor;
    } while (after);
    expect(listed.map((item) => item.reason).every((reason) => reason === 'cannot-sign')).toBe(true);
    expect(listed.map((item) => item.id)).toContain(`dlv_${subscription.id}_${unsignable.eventId}`);
    expect(listed.map((item) => item.id)).not.toContain(`dlv_${subscription.id}_${refused.eventId}`);
  });

  it('signs with both secrets during a rotation overlap, each signature verifying with its own secret', async () => {
    const previous = subscription.secret;
    const current = await rotateSecret(context.bridge, subscription.id);
    // A secret whose overlap is over no longer signs.
    await context.db.query(`INSERT INTO webhook_subscription_secret (subscription_id, secret, expires_at) VALUES ($1, $2, now() - interval '1 minute')`,
      [subscription.id, newWebhookSecret()]);
    const expired = (await context.db.query('SELECT secret FROM webhook_subscription_secret WHERE subscription_id = $1 AND expires_at < now()', [subscription.id])).rows[0].secret;
    const [purchase] = lifecycle();
    await produceEvents(context.bridge, [purchase]);

    const push = await eventually('the push', async () => {
      if (receiver.received.length === 0) throw new Error('nothing received');
      return receiver.received[0];
    });
    const signatures = push.headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(verifyPush(current, { ...push, headers: { ...push.headers, 'webhook-signature': signatures[0] } })).toEqual(push.json);
    expect(verifyPush(previous, { ...push, headers: { ...push.headers, 'webhook-signature': signatures[1] } })).toEqual(push.json);
    expect(() => verifyPush(current, { ...push, headers: { ...push.headers, 'webhook-signature': signatures[1] } })).toThrow();
    expect(() => verifyPush(expired, push)).toThrow();
  });

  it('sends a voucher\'s first push straight from the registry transaction, without waiting for a claim', async () => {
    const voucherCode = newVoucherCode();
    const [purchase] = lifecycle(voucherCode);
    await produceEvents(context.bridge, [purchase]);
    await eventually('the push', async () => {
      if (receiver.of(voucherCode).length < 1) throw new Error('not received');
    });
    // Leased in the registry's own transaction, its first attempt counted at that transaction's
    // start; a claim by the dispatcher would have come after the commit, in a later millisecond.
    const { rows } = await context.db.query<{ handed_over: boolean; attempts: number }>(
      'SELECT last_attempt_at = created_at AS handed_over, attempts FROM webhook_delivery WHERE subscription_id = $1 AND event_id = $2',
      [subscription.id, purchase.eventId]);
    expect(rows).toEqual([{ handed_over: true, attempts: 1 }]);
  });

  it('never pushes an event the voucher\'s rules refused', async () => {
    const voucherCode = newVoucherCode();
    const purchase = purchaseEventOf(purchaseBody({ voucherCode, amount: { value: 1000, currency: 'EUR' } }));
    const tooMuch = redemption(voucherCode, 5000);
    const fine = redemption(voucherCode, 400);
    await produceEvents(context.bridge, [purchase, tooMuch, fine]);

    await eventually('two pushes', async () => {
      if (receiver.of(voucherCode).length < 2) throw new Error(`${receiver.of(voucherCode).length} received`);
    });
    const { rows: refused } = await context.db.query('SELECT rule FROM registry_voucher_history WHERE event_id = $1', [tooMuch.eventId]);
    expect(refused).toEqual([{ rule: 'INSUFFICIENT_FUNDS' }]);
    expect(receiver.of(voucherCode).map((push) => [push.json.id, push.json.data.sequence, push.json.data.balance])).toEqual([
      [purchase.eventId, 1, 1000], [fine.eventId, 2, 600],
    ]);
    expect((await deliveriesOf(context.db, subscription.id)).map((row) => row.event_id)).toEqual(expect.not.arrayContaining([tooMuch.eventId]));
  });
});
