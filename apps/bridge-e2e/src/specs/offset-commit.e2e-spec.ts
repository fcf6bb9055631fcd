import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { eventually } from '../support/eventually';
import { committedOffsets } from '../support/kafka-client';
import { eventuallyRegistered, lookUp, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('the connector commits an offset only after the registry write committed', () => {
  const context = useBridge();

  it('processes the event again after a restart when the registry write failed', async () => {
    const body = purchaseBody();
    // The registry refuses this one voucher, as a database failure would.
    await context.db.query(`
      CREATE OR REPLACE FUNCTION fail_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.voucher_code_hash = '${hashVoucherCode(body.voucherCode)}' THEN
          RAISE EXCEPTION 'registry write failed on purpose';
        END IF;
        RETURN NEW;
      END $$`);
    await context.db.query('CREATE TRIGGER fail_for_test BEFORE INSERT ON registry_voucher FOR EACH ROW EXECUTE FUNCTION fail_for_test()');

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
    await context.db.query('DROP TRIGGER IF EXISTS fail_for_test ON registry_voucher');
    await context.bridge.connector.start();

    expect(await eventuallyRegistered(context.bridge, body.voucherCode)).toMatchObject({ status: 'active', balance: 5000 });
    await eventually('the offset to be committed', async () => {
      const offsets = await committedOffsets(context.bridge.groupId, context.bridge.topic);
      expect([...offsets.values()].reduce((sum, o) => sum + Math.max(o, 0), 0)).toBe(1);
    });
  });
});
