import { TcpBlackhole } from '@voucher-bridge/fuzzing';
import { eventually } from '../support/eventually';
import { getJson } from '../support/http';
import { BrokerInstance, kafkaBroker } from '../support/kafka-broker';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { stopwatch } from '../support/stopwatch';
import { TEST_KAFKA } from '../support/test-environment';
import { useBridge } from '../support/use-bridge';

/**
 * A broker of this spec's own whose clients all reach it through a proxy: it advertises the
 * proxy's port, so the connections librdkafka opens after bootstrapping pass the proxy too. Its
 * traffic with itself (transaction markers) has a listener of its own: what goes silent here is
 * the clients' network, not the cluster's.
 */
const BROKER: BrokerInstance = {
  instance: 'test-behind-proxy',
  port: TEST_KAFKA.port + 300,
  controllerPort: TEST_KAFKA.port + 301,
  advertisedPort: TEST_KAFKA.port + 302,
  internalPort: TEST_KAFKA.port + 303,
};

describe('Kafka connections that go silent (no answer, no close) hold the bridge up for seconds, not minutes', () => {
  let proxy: TcpBlackhole;
  beforeAll(async () => {
    proxy = await TcpBlackhole.start('127.0.0.1', BROKER.port, BROKER.advertisedPort);
    await kafkaBroker('start', BROKER);
  });
  const context = useBridge({ KAFKA_BROKERS: `127.0.0.1:${BROKER.advertisedPort}` });
  afterAll(async () => {
    await proxy?.stop();
    await kafkaBroker('reset', BROKER);
  });

  it('relays, registers and reports Kafka up again soon after every open broker connection went silent', async () => {
    const before = purchaseBody();
    expect((await postPurchase(context.bridge, before)).status).toBe(202);
    await eventuallyRegistered(context.bridge, before.voucherCode);

    // Every connection the apps hold to the broker — the relay's transactional producer, the
    // consumer's fetches and group coordination, the admin client — stops carrying anything, as
    // when a firewall or a NAT gateway forgets their state. The broker itself stays up and takes
    // new connections.
    expect(proxy.silenceOpenConnections()).toBeGreaterThan(2);
    const elapsed = stopwatch('broker connections silenced');
    // Probed every second meanwhile, as an orchestrator would: the connector's readiness asks
    // the broker, on a connection of its admin client that went silent too.
    const apps = [context.bridge.gateway, context.bridge.connector];
    const probes = setInterval(() => apps.forEach((app) => void getJson(`${app.baseUrl}/health/ready`).catch(() => undefined)), 1_000);
    try {
      const after = purchaseBody();
      expect((await postPurchase(context.bridge, after)).status).toBe(202);
      expect(await eventuallyRegistered(context.bridge, after.voucherCode, 240)).toMatchObject({ balance: 5000 });
      // With librdkafka's default request timeout (60 s) this took 61 s here, and 100 s against
      // `run` behind such a proxy (where the broker's own transaction markers went silent too);
      // with a 30-s delivery timeout (the default before), 33.5 s.
      expect(elapsed('the purchase after registered')).toBeLessThan(30);
      for (const app of apps) {
        await eventually(`${app.name} to be ready`, async () => {
          const answer = await getJson(`${app.baseUrl}/health/ready`);
          if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
        }, 240);
        expect(elapsed(`${app.name} ready`)).toBeLessThan(30);
      }
    } finally {
      clearInterval(probes);
    }
  });
});
