import { AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';
import { freePort } from '@voucher-bridge/app-launch';
import { getJson } from '../support/http';
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
    // The gateway still accepts durably: it stays in rotation, and says what is missing.
    const ready = await getJson(`${context.bridge.gateway.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', details: { database: { status: 'up' }, kafka: { status: 'degraded' } } });
    expect(ready.body.details.outbox).toMatchObject({ status: 'up', maxAgeSeconds: 300 });
    expect(ready.body.details.outbox.unsent).toBeGreaterThanOrEqual(3);
    const connectorReady = await getJson(`${context.bridge.connector.baseUrl}/health/ready`);
    expect(connectorReady).toMatchObject({ status: 503, body: { error: { kafka: { status: 'down' } } } });

    await kafkaBroker('start');

    for (const body of bodies) {
      expect(await eventuallyRegistered(context.bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
    }
    await eventually('gateway to report Kafka up and the backlog gone', async () => {
      const again = await getJson(`${context.bridge.gateway.baseUrl}/health/ready`);
      expect(again).toMatchObject({ status: 200, body: { status: 'ok', details: { kafka: { status: 'up' } } } });
    });
  });

  it('starts, accepts and stops cleanly while Kafka has never been reachable', async () => {
    await kafkaBroker('stop');
    const gateway = new AppProcess('cashbox-gateway', await freePort(), { ...context.bridge.env, OUTBOX_READY_MAX_AGE_SECONDS: '2' });
    await gateway.start('ready');
    const body = purchaseBody();
    expect((await postPurchase({ ...context.bridge, gateway }, body)).status).toBe(202);
    // Ready while the backlog is young; not once its oldest row waited longer than the bound.
    await eventually('the backlog to exceed its age bound', async () => {
      const ready = await getJson(`${gateway.baseUrl}/health/ready`);
      expect(ready).toMatchObject({ status: 503, body: { error: { outbox: { status: 'down', maxAgeSeconds: 2 } } } });
      expect(ready.body.error.outbox.oldestUnsentAgeSeconds).toBeGreaterThan(2);
    });
    expect(await gateway.stop()).toEqual({ code: null, signal: 'SIGTERM' });

    await kafkaBroker('start');
    // The bridge's own gateway relays what the stopped one accepted: the outbox is shared.
    expect(await eventuallyRegistered(context.bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
  });

  it('stops within an orchestrator\'s grace while its relay waits on a broker that went away, and loses nothing', async () => {
    const { gateway } = context.bridge;
    const first = purchaseBody();
    expect((await postPurchase(context.bridge, first)).status).toBe(202);
    await eventuallyRegistered(context.bridge, first.voucherCode);

    // Gone without a goodbye: the relay's next transaction waits for acknowledgements that
    // would come only after the delivery timeout (KAFKA_DELIVERY_TIMEOUT_MS, 15 s here).
    await kafkaBroker('kill');
    const bodies = [purchaseBody(), purchaseBody(), purchaseBody()];
    for (const body of bodies) expect((await postPurchase(context.bridge, body)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const stopping = Date.now();
    expect(await gateway.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    // Kubernetes' default grace is 30 s; the relay gives the transaction in hand 5 s.
    expect(Date.now() - stopping).toBeLessThan(15_000);

    await kafkaBroker('start');
    await gateway.start();
    for (const body of bodies) {
      expect(await eventuallyRegistered(context.bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
    }
  });
});
