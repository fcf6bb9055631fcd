import { setTimeout as delay } from 'node:timers/promises';
import { AppProcess } from '../support/app-process';
import { Bridge, createBridge } from '../support/bridge';
import { freePort } from '@voucher-bridge/app-launch';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { stopwatch } from '../support/stopwatch';

describe('the connector started before its topic exists', () => {
  let bridge: Bridge;

  afterAll(async () => {
    await Promise.all([bridge?.gateway.stop(), bridge?.connector.stop()]);
  });

  it('registers within seconds once someone else created the topic', async () => {
    const planned = await createBridge();
    // One broker cannot hold two replicas: this connector can never create the topic itself,
    // as when topics are provisioned by operators or by the gateway.
    const connector = new AppProcess('eshop-connector', await freePort(), { ...planned.env, KAFKA_TOPIC_REPLICATION_FACTOR: '2' });
    bridge = { ...planned, connector };
    await connector.start('live');
    await delay(5_000);

    await bridge.gateway.start();
    const body = purchaseBody();
    expect((await postPurchase(bridge, body)).status).toBe(202);
    const sincePost = stopwatch('topic-created-later: purchase posted');
    expect(await eventuallyRegistered(bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
    expect(sincePost('registered')).toBeLessThan(10);
  });
});
