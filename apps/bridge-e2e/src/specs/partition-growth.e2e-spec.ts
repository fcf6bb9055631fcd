import { AdminClient } from '@confluentinc/kafka-javascript';
import { keyPartition } from '@voucher-bridge/kafka';
import { randomUUID } from 'node:crypto';
import { Bridge, startBridge } from '../support/bridge';
import { eventually } from '../support/eventually';
import { bearer, postJson } from '../support/http';
import { readRecords } from '../support/kafka-client';
import { eventuallyRegistered, lookUp, postPurchase, purchaseBody } from '../support/purchases';
import { TEST_KAFKA_BROKERS } from '../support/test-environment';

/** Adds partitions to a topic the way an operator's tool does (CreatePartitions). */
function growTopic(topic: string, partitions: number): Promise<void> {
  const admin = AdminClient.create({ 'bootstrap.servers': TEST_KAFKA_BROKERS });
  return new Promise<void>((resolve, reject) => admin.createPartitions(topic, partitions, 10_000, (error) => (error ? reject(error) : resolve())))
    .finally(() => admin.disconnect());
}

describe('partitions added to the voucher topic in use', () => {
  let bridge: Bridge;
  const vouchers = Array.from({ length: 30 }, () => purchaseBody({ amount: { value: 5000, currency: 'EUR' } }).voucherCode);

  beforeAll(async () => {
    bridge = await startBridge({
      OUTBOX_PARTITION_CHECK_INTERVAL_MS: '300', OUTBOX_PARTITION_HOLD_MS: '2000', OUTBOX_PARTITION_RETRY_MS: '3000',
    });
  });

  afterAll(async () => {
    await bridge?.stop();
  });

  const redeem = (voucherCode: string) => postJson(`${bridge.gateway.baseUrl}/v1/voucher-redemptions`, {
    voucherCode, amount: { value: 100, currency: 'EUR' }, storeId: 'store-042', cashboxId: 'box-7',
    receiptNumber: `R-${randomUUID().slice(0, 8)}`, redeemedAt: '2026-12-01T10:00:00+01:00',
  }, bearer(bridge.cashboxKey.secret));

  const relayPartitions = async () => {
    const metrics = await (await fetch(`${bridge.gateway.baseUrl}/metrics`)).text();
    return Number(metrics.match(new RegExp(`^outbox_relay_partitions\\{[^}]*topic="${bridge.topic.replace('.', '\\.')}"[^}]*\\} (\\d+)$`, 'm'))?.[1]);
  };

  it('keeps each voucher on its partition while a reader is behind, and spreads over the new ones once it caught up', async () => {
    // Purchases read by the connector, then more events while it is stopped: they wait on the
    // three partitions there are.
    for (const voucherCode of vouchers) expect((await postPurchase(bridge, purchaseBody({ voucherCode }))).status).toBe(202);
    await eventuallyRegistered(bridge, vouchers.at(-1)!);
    await bridge.connector.stop();
    for (const voucherCode of vouchers) expect((await redeem(voucherCode)).status).toBe(202);
    await readRecords(bridge.topic, vouchers.length * 2);

    await growTopic(bridge.topic, 6);
    for (const voucherCode of vouchers) expect((await redeem(voucherCode)).status).toBe(202);
    // The relay saw six partitions, held for the connector's group, and went on with three.
    const whileBehind = await readRecords(bridge.topic, vouchers.length * 3);
    expect(await relayPartitions()).toBe(3);
    expect(bridge.gateway.log).toMatch(/has 6 partitions, the relay writes to 3: holding publishing/);
    expect(bridge.gateway.log).toMatch(/not read to the end within 2000 ms/);
    for (const voucherCode of vouchers) {
      const partitions = new Set(whileBehind.filter((record) => record.key === voucherCode).map((record) => record.partition));
      expect([...partitions]).toEqual([keyPartition(voucherCode, 3)]);
    }

    // The connector reads everything in order; then the relay takes the new partitions on.
    await bridge.connector.start();
    await eventually('the relay to write to six partitions', async () => expect(await relayPartitions()).toBe(6), 120);
    const lastRound = new Map<string, string>();
    for (const voucherCode of vouchers) {
      const answer = await redeem(voucherCode);
      expect(answer.status).toBe(202);
      lastRound.set(answer.body.eventId, voucherCode);
    }
    const landed = await readRecords(bridge.topic, vouchers.length, (record) => lastRound.has(record.headers.ce_id));
    // Each voucher's newest event on its key's partition among six: a new one for about half.
    expect(vouchers.filter((voucherCode) => keyPartition(voucherCode, 6) >= 3).length).toBeGreaterThan(0);
    expect(landed.map((record) => record.partition)).toEqual(landed.map((record) => keyPartition(lastRound.get(record.headers.ce_id)!, 6)));
    // Its producer learned of the new partitions before sending there (librdkafka refuses unknown ones).
    expect(bridge.gateway.log).not.toMatch(/could not relay the outbox/);

    for (const voucherCode of vouchers) {
      const answer = await eventually(`${voucherCode}'s three redemptions to be applied`, async () => {
        const { body } = await lookUp(bridge, voucherCode);
        if (body.history?.length !== 4) throw new Error(`history so far: ${JSON.stringify(body.history)}`);
        return body;
      });
      expect(answer.history.map((entry: { outcome: string }) => entry.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
      expect(answer.balance).toBe(4700);
    }
  });
});
