import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { setTimeout as delay } from 'node:timers/promises';
import { eventually } from '../support/eventually';
import { getJson } from '../support/http';
import { kafkaBroker } from '../support/kafka-broker';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { stopwatch } from '../support/stopwatch';
import { useBridge } from '../support/use-bridge';

describe('after a broker restart', () => {
  // Twice the production delivery timeout: an in-flight batch must not have to wait it out.
  const context = useBridge({ KAFKA_DELIVERY_TIMEOUT_MS: '30000' });

  afterAll(async () => {
    await kafkaBroker('start');
  });

  it('the relay drains its backlog and the connector registers within seconds', async () => {
    // The connector is a member of its group with partitions assigned before the outage.
    const before = purchaseBody();
    expect((await postPurchase(context.bridge, before)).status).toBe(202);
    await eventuallyRegistered(context.bridge, before.voucherCode);

    await kafkaBroker('stop');
    const outage = stopwatch('broker-restart: broker stopped');
    const bodies = Array.from({ length: 500 }, () => purchaseBody());
    for (let i = 0; i < bodies.length; i += 25) {
      const answers = await Promise.all(bodies.slice(i, i + 25).map((body) => postPurchase(context.bridge, body)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    }
    const ready = await getJson(`${context.bridge.gateway.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.details.outbox.unsent).toBeGreaterThanOrEqual(500);

    // Longer than the consumer's session timeout and the delivery timeout, as in the reported
    // outage: the member's session and the relay's in-flight batch have both expired.
    await delay(Math.max(0, 35 - outage('backlog accepted')) * 1_000);
    await kafkaBroker('start');
    const sinceReturn = stopwatch('broker-restart: broker back');
    const { drained, registered } = await drainedAndRegistered(bodies, sinceReturn);
    expect(drained).toBeLessThan(8);
    expect(registered).toBeLessThan(12);
  });

  /** Seconds from the broker's return until the outbox is empty, and until every purchase is registered. */
  async function drainedAndRegistered(bodies: { voucherCode: string }[], sinceReturn: (what: string) => number) {
    await eventually('the outbox to be drained', async () => {
      const { rows } = await context.db.query(
        'SELECT count(*)::int AS n FROM gateway_outbox WHERE topic = $1 AND sent_at IS NULL', [context.bridge.topic]);
      expect(rows[0].n).toBe(0);
    }, 480);
    const drained = sinceReturn('outbox drained');
    const hashes = bodies.map((b) => hashVoucherCode(b.voucherCode));
    await eventually('every purchase to be registered', async () => {
      const { rows } = await context.db.query(
        'SELECT count(*)::int AS n FROM registry_voucher WHERE voucher_code_hash = ANY($1)', [hashes]);
      expect(rows[0].n).toBe(bodies.length);
    }, 480);
    return { drained, registered: sinceReturn('all registered') };
  }

  it('the relay resumes within seconds when the broker died under its batches in flight', async () => {
    const bodies = Array.from({ length: 1500 }, () => purchaseBody());
    let posted = 0;
    const posting = (async () => {
      for (let i = 0; i < bodies.length; i += 25) {
        const answers = await Promise.all(bodies.slice(i, i + 25).map((body) => postPurchase(context.bridge, body)));
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
        posted += answers.length;
      }
    })();
    await eventually('the relay to be busy', async () => expect(posted).toBeGreaterThanOrEqual(300), 480, 20);
    await kafkaBroker('kill');
    await posting;
    await kafkaBroker('start');
    const sinceReturn = stopwatch('broker-restart after kill: broker back');
    const { drained, registered } = await drainedAndRegistered(bodies, sinceReturn);
    expect(drained).toBeLessThan(8);
    expect(registered).toBeLessThan(12);
  });
});
