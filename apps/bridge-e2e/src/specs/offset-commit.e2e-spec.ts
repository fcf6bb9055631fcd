import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { Pool } from 'pg';
import { Bridge, startBridge } from '../support/bridge';
import { testDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { committedOffsets } from '../support/kafka-client';
import { eventuallyRegistered, lookUp, postPurchase, purchaseBody } from '../support/purchases';

describe('the connector commits an offset only after the registry write committed', () => {
  let bridge: Bridge;
  let db: Pool;

  beforeAll(async () => {
    bridge = await startBridge();
    db = testDatabase();
  });

  afterAll(async () => {
    await db.query('DROP TRIGGER IF EXISTS fail_for_test ON registry_voucher');
    await bridge?.stop();
    await db?.end();
  });

  it('processes the event again after a restart when the registry write failed', async () => {
    const body = purchaseBody();
    // The registry refuses this one voucher, as a database failure would.
    await db.query(`
      CREATE OR REPLACE FUNCTION fail_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.voucher_code_hash = '${hashVoucherCode(body.voucherCode)}' THEN
          RAISE EXCEPTION 'registry write failed on purpose';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query('CREATE TRIGGER fail_for_test BEFORE INSERT ON registry_voucher FOR EACH ROW EXECUTE FUNCTION fail_for_test()');

    expect((await postPurchase(bridge, body)).status).toBe(202);
    await eventually('the connector to have tried and failed', async () => {
      expect(bridge.connector.log).toContain('registry write failed on purpose');
    });
    // Still failing and retrying: nothing is committed for the topic.
    const whileFailing = await committedOffsets(bridge.groupId, bridge.topic);
    expect([...whileFailing.values()].every((offset) => offset <= 0)).toBe(true);
    expect((await lookUp(bridge, body.voucherCode)).status).toBe(404);

    // A batch still being retried must not keep the app from stopping, nor be committed.
    expect(await bridge.connector.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    await db.query('DROP TRIGGER fail_for_test ON registry_voucher');
    await bridge.connector.start();

    expect(await eventuallyRegistered(bridge, body.voucherCode)).toMatchObject({ status: 'active', balance: 5000 });
    await eventually('the offset to be committed', async () => {
      const offsets = await committedOffsets(bridge.groupId, bridge.topic);
      expect([...offsets.values()].reduce((sum, o) => sum + Math.max(o, 0), 0)).toBe(1);
    });
  });
});
