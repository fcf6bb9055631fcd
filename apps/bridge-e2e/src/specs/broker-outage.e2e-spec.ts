import { AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { kafkaBroker } from '../support/kafka-broker';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('accepting does not depend on Kafka', () => {
  const context = useBridge();

  afterAll(async () => {
    await kafkaBroker('start');
  });

  it('accepts purchases while the broker is down and delivers them once it is back', async () => {
    await kafkaBroker('stop');

    const bodies = [purchaseBody(), purchaseBody(), purchaseBody()];
    for (const body of bodies) {
      const answer = await postPurchase(context.bridge, body);
      expect(answer.status).toBe(202);
    }
    for (const body of bodies) {
      const { rows } = await context.db.query(
        `SELECT o.sent_at FROM gateway_outbox o JOIN gateway_purchase p USING (event_id)
         WHERE p.voucher_code_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [body.voucherCode],
      );
      expect(rows).toEqual([{ sent_at: null }]);
    }
    const ready = await fetch(`${context.bridge.gateway.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', error: { kafka: { status: 'down' } } });

    await kafkaBroker('start');

    for (const body of bodies) {
      expect(await eventuallyRegistered(context.bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
    }
    await eventually('gateway to be ready again', async () => {
      expect((await fetch(`${context.bridge.gateway.baseUrl}/health/ready`)).status).toBe(200);
    });
  });

  it('starts, accepts and stops cleanly while Kafka has never been reachable', async () => {
    await kafkaBroker('stop');
    const gateway = new AppProcess('cashbox-gateway', await freePort(), context.bridge.env);
    await gateway.start('live');
    const body = purchaseBody();
    expect((await postPurchase({ ...context.bridge, gateway }, body)).status).toBe(202);
    expect((await fetch(`${gateway.baseUrl}/health/ready`)).status).toBe(503);
    expect(await gateway.stop()).toEqual({ code: null, signal: 'SIGTERM' });

    await kafkaBroker('start');
    // The bridge's own gateway relays what the stopped one accepted: the outbox is shared.
    expect(await eventuallyRegistered(context.bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
  });
});
