import { setTimeout as delay } from 'node:timers/promises';
import { TcpBlackhole } from '@voucher-bridge/fuzzing';
import { eventually } from '../support/eventually';
import { getJson } from '../support/http';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { TEST_DATABASE_URL } from '../support/test-environment';
import { useBridge } from '../support/use-bridge';

/** A request the gateway does not answer within this is a hang, not a slow answer. */
const NO_ANSWER_MS = 15_000;

describe('database connections that go silent (no answer, no close) do not wedge either app', () => {
  let proxy: TcpBlackhole;
  const env: Record<string, string> = { DATABASE_QUERY_TIMEOUT_MS: '2000', OUTBOX_RELAY_LEASE_TIMEOUT_MS: '3000' };
  beforeAll(async () => {
    ({ proxy, url: env.DATABASE_URL } = await TcpBlackhole.inFrontOf(TEST_DATABASE_URL));
  });
  const context = useBridge(env);
  afterAll(async () => {
    await proxy?.stop();
  });

  it('answers 503 while a request waits on a silent connection, and carries what it accepts after to the web shop', async () => {
    const before = purchaseBody();
    expect((await postPurchase(context.bridge, before)).status).toBe(202);
    await eventuallyRegistered(context.bridge, before.voucherCode);

    // Every pooled connection of both apps — the relay's lease, the group commit's, the
    // consumer's registry writes — stops answering at once, as when a firewall drops their state.
    expect(proxy.silenceOpenConnections()).toBeGreaterThan(2);

    const after = purchaseBody();
    const statuses: number[] = [];
    await eventually('the purchase to be accepted on a fresh connection', async () => {
      const answer = await Promise.race([
        postPurchase(context.bridge, after),
        delay(NO_ANSWER_MS).then(() => undefined),
      ]);
      if (!answer) throw new Error(`no answer within ${NO_ANSWER_MS} ms`);
      statuses.push(answer.status);
      if (answer.status === 503) {
        expect(answer.contentType).toMatch(/^application\/problem\+json/);
        expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      }
      if (answer.status !== 202) throw new Error(`answered ${answer.status}`);
    }, 20);
    expect(statuses.filter((status) => status !== 202 && status !== 503)).toEqual([]);

    // The relay and the connector get past their silent connections too.
    expect(await eventuallyRegistered(context.bridge, after.voucherCode, 120)).toMatchObject({ balance: 5000 });
    for (const app of [context.bridge.gateway, context.bridge.connector]) {
      expect((await getJson(`${app.baseUrl}/health/ready`)).status).toBe(200);
    }
  });
});
