import { setTimeout as delay } from 'node:timers/promises';
import { Bridge, createBridge } from '../support/bridge';
import { eventually } from '../support/eventually';
import { getJson } from '../support/http';
import { kafkaBroker } from '../support/kafka-broker';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { stopwatch } from '../support/stopwatch';

describe('apps started while Kafka is down', () => {
  let bridge: Bridge;

  afterAll(async () => {
    await kafkaBroker('start');
    await bridge?.stop();
  });

  it('reach Kafka within seconds of its return, and report Kafka down until they have', async () => {
    await kafkaBroker('stop');
    bridge = await createBridge();
    await Promise.all([bridge.gateway.start('live'), bridge.connector.start('live')]);
    // Long enough for several connection attempts of each client to fail, as in a real outage.
    await delay(8_000);

    const body = purchaseBody();
    expect((await postPurchase(bridge, body)).status).toBe(202);
    const connectorReady = await getJson(`${bridge.connector.baseUrl}/health/ready`);
    expect(connectorReady).toMatchObject({ status: 503, body: { error: { kafka: { status: 'down' } } } });
    // Down because its own clients have not connected, not merely because no broker answers.
    expect(connectorReady.body.error.kafka.message).toBe(`not connected yet: producer, consumer of group ${bridge.groupId}`);
    const gatewayReady = await getJson(`${bridge.gateway.baseUrl}/health/ready`);
    expect(gatewayReady.body.details.kafka.status).not.toBe('up');

    await kafkaBroker('start');
    const sinceReturn = stopwatch('start-during-outage: broker back');
    expect(await eventuallyRegistered(bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
    expect(sinceReturn('purchase registered')).toBeLessThan(15);

    for (const app of [bridge.connector, bridge.gateway]) {
      await eventually(`${app.name} to report Kafka up`, async () => {
        const ready = await getJson(`${app.baseUrl}/health/ready`);
        expect(ready).toMatchObject({ status: 200, body: { details: { kafka: { status: 'up' } } } });
      });
    }
  });
});
