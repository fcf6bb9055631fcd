import { eventually } from '../support/eventually';
import { newVoucherCode, purchaseBody } from '../support/purchases';
import { TestSubscription, createSubscription, deleteSubscriptions } from '../support/subscriptions';
import { useBridge } from '../support/use-bridge';
import { produceEvents, purchaseEventOf } from '../support/voucher-events';
import { FAST_WEBHOOK_ENV, deliveriesOf } from '../support/webhook-deliveries';
import { WebhookReceiver } from '../support/webhook-receiver';

describe('finished deliveries are deleted after their retention, parked ones are kept', () => {
  const context = useBridge({ ...FAST_WEBHOOK_ENV, WEBHOOK_DELIVERY_RETENTION_HOURS: '0', WEBHOOK_DELIVERY_CLEANUP_INTERVAL_MS: '200' });
  const receiver = new WebhookReceiver();
  let subscription: TestSubscription;

  // Per test, not per file: useBridge's afterAll stops the apps before a later afterAll would run.
  beforeEach(async () => {
    await receiver.start();
    subscription = await createSubscription(context.bridge, { url: receiver.url, eventTypes: ['voucher.purchased'] });
  });

  afterEach(async () => {
    await deleteSubscriptions(context.bridge, [subscription.id]);
    await receiver.stop();
  });

  it('deletes a delivered row and keeps a parked one for the operators', async () => {
    const delivered = purchaseEventOf(purchaseBody({ voucherCode: newVoucherCode() }));
    const refused = purchaseEventOf(purchaseBody({ voucherCode: newVoucherCode() }));
    receiver.answer = (push) => ({ status: push.json.data.voucherCode === refused.voucherCode ? 400 : 204 });
    await produceEvents(context.bridge, [delivered, refused]);

    await eventually('the delivered push to arrive', async () => {
      expect(receiver.of(delivered.voucherCode)).toHaveLength(1);
    });
    await eventually('the delivered row to be deleted and the parked one kept', async () => {
      const rows = await deliveriesOf(context.db, subscription.id);
      expect(rows.map((row) => [row.event_id, row.status])).toEqual([[refused.eventId, 'parked']]);
    });
    const metrics = await (await fetch(`${context.bridge.connector.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/webhook_deliveries_expired_total\{[^}]*\} [1-9]/);
  });
});
