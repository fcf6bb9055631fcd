import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { eventually } from '../support/eventually';
import { committedOffsets, readRecords } from '../support/kafka-client';
import { eventuallyRegistered, lookUp, postPurchase, purchaseBody } from '../support/purchases';
import { onRegistryInsertOf } from '../support/registry-trigger';
import { useBridge } from '../support/use-bridge';

/**
 * Whether the group's committed offset of the record's partition is past the record. Offsets, not
 * counts: the relay publishes in Kafka transactions, and each commit marker takes an offset too.
 */
async function committedPast(bridge: { groupId: string; topic: string }, record: { partition: number; offset: string }): Promise<boolean> {
  const committed = (await committedOffsets(bridge.groupId, bridge.topic)).get(record.partition) ?? -1;
  return committed > Number(record.offset);
}

describe('the connector commits an offset only after the registry write committed', () => {
  const context = useBridge();

  it('processes the event again after a restart when the registry write failed', async () => {
    const body = purchaseBody();
    // The registry refuses this one voucher, as a database failure would.
    const heal = await onRegistryInsertOf(context.db, body.voucherCode, 'fail_for_test',
      "RAISE EXCEPTION 'registry write failed on purpose'");

    expect((await postPurchase(context.bridge, body)).status).toBe(202);
    await eventually('the connector to have tried and failed', async () => {
      expect(context.bridge.connector.log).toContain('registry write failed on purpose');
    });
    // Still failing and retrying: nothing is committed for the topic.
    const whileFailing = await committedOffsets(context.bridge.groupId, context.bridge.topic);
    expect([...whileFailing.values()].every((offset) => offset <= 0)).toBe(true);
    expect((await lookUp(context.bridge, body.voucherCode)).status).toBe(404);

    // A batch still being retried must not keep the app from stopping, nor be committed.
    expect(await context.bridge.connector.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    await heal();
    await context.bridge.connector.start();

    expect(await eventuallyRegistered(context.bridge, body.voucherCode)).toMatchObject({ status: 'active', balance: 5000 });
    const [record] = await readRecords(context.bridge.topic, 1, (r) => r.key === body.voucherCode);
    await eventually('the offset to be committed', async () => {
      expect(await committedPast(context.bridge, record)).toBe(true);
    });
  });

  it('finishes the batch in hand and commits it when stopped while registering', async () => {
    const body = purchaseBody();
    // The registry takes 3 s for this voucher: the stop signal arrives in the middle.
    const heal = await onRegistryInsertOf(context.db, body.voucherCode, 'slow_for_test', 'PERFORM pg_sleep(3)');
    try {
      expect((await postPurchase(context.bridge, body)).status).toBe(202);
      const [record] = await readRecords(context.bridge.topic, 1, (r) => r.key === body.voucherCode);
      await eventually('the insert to be under way', async () => {
        const { rows } = await context.db.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%INSERT INTO registry_voucher%' AND state = 'active' AND pid <> pg_backend_pid()");
        expect(rows[0].n).toBeGreaterThan(0);
      }, 120, 50);

      expect(await context.bridge.connector.interrupt()).toEqual({ code: null, signal: 'SIGINT' });

      // Registered and committed before the process exited, without a restart.
      expect((await context.db.query('SELECT count(*)::int AS n FROM registry_voucher WHERE voucher_code_hash = $1', [hashVoucherCode(body.voucherCode)])).rows[0].n).toBe(1);
      expect(await committedPast(context.bridge, record)).toBe(true);
    } finally {
      await heal();
      await context.bridge.connector.start();
    }
  });
});
