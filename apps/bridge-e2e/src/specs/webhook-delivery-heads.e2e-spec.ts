import { randomUUID } from 'node:crypto';
import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { eventually } from '../support/eventually';
import { newVoucherCode } from '../support/purchases';
import { TestSubscription, createSubscription, deleteSubscriptions } from '../support/subscriptions';
import { useBridge } from '../support/use-bridge';
import { FAST_WEBHOOK_ENV, deliveriesOf, verifyPush } from '../support/webhook-deliveries';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * The claim reads a window of the earliest due deliveries (room + 2 × WEBHOOK_MAX_IN_FLIGHT).
 * A head whose lease ran out without an outcome sorts after the successors enqueued with it; the
 * claim must still find it through them, or nothing is ever sent again (chaos run, seed 1315).
 */
describe('a voucher queue whose head lost its lease behind its successors', () => {
  // Room for 2 pushes: the claim's window is 6 rows, all of them blocked successors below.
  const context = useBridge({ ...FAST_WEBHOOK_ENV, WEBHOOK_MAX_IN_FLIGHT: '2' });
  const receiver = new WebhookReceiver();
  let subscription: TestSubscription;

  beforeEach(async () => {
    await receiver.start();
    subscription = await createSubscription(context.bridge, { url: receiver.url, eventTypes: ['voucher.purchased', 'voucher.redeemed'] });
  });

  afterEach(async () => {
    await deleteSubscriptions(context.bridge, [subscription.id]);
    await receiver.stop();
  });

  it('is delivered whole, in sequence order', async () => {
    const voucherCode = newVoucherCode();
    const events = Array.from({ length: 10 }, (_, i) => ({ eventId: randomUUID(), sequence: i + 1 }));
    // As a connector that died holding the head leaves them: enqueued together, the head claimed
    // once (its next attempt moved by the lease, which has run out since), the successors due
    // since they were enqueued. One statement, so the dispatcher never sees part of it.
    await context.db.query(`
      INSERT INTO webhook_delivery (subscription_id, event_id, event_type, voucher_code_hash, voucher_code_masked, sequence, payload,
        attempts, last_attempt_at, next_attempt_at, created_at)
      SELECT $1, e.event_id, 'voucher.redeemed', $2, $3, e.sequence,
        json_build_object('type', 'voucher.redeemed', 'id', e.event_id, 'timestamp', now(), 'data', json_build_object('voucherCode', $4::text, 'sequence', e.sequence))::text,
        CASE WHEN e.sequence = 1 THEN 1 ELSE 0 END,
        CASE WHEN e.sequence = 1 THEN now() - interval '21 seconds' END,
        CASE WHEN e.sequence = 1 THEN now() - interval '1 second' ELSE now() - interval '22 seconds' END,
        now() - interval '22 seconds'
      FROM unnest($5::uuid[], $6::int[]) AS e(event_id, sequence)`,
    [subscription.id, hashVoucherCode(voucherCode), `****${voucherCode.slice(-4)}`, voucherCode,
      events.map((e) => e.eventId), events.map((e) => e.sequence)]);

    await eventually('every delivery of the voucher', async () => {
      const rows = await deliveriesOf(context.db, subscription.id);
      const waiting = rows.filter((row) => row.status !== 'delivered');
      if (waiting.length > 0) throw new Error(`${waiting.length} of ${rows.length} not delivered`);
    }, 80);
    const firstArrivals = [...new Map(receiver.received.map((push) => [push.json.id, push.json.data.sequence])).values()];
    expect(firstArrivals).toEqual(events.map((e) => e.sequence));
    expect(verifyPush(subscription.secret, receiver.received[0])).toMatchObject({ data: { sequence: 1 } });
  });
});
