import { AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';
import { freePort } from '@voucher-bridge/app-launch';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

function relayedCount(metrics: string): number {
  return Number(/outbox_relayed_messages_total\{[^}]*\} (\d+)/.exec(metrics)?.[1] ?? NaN);
}

describe('with several gateway instances on one database, one relays the outbox', () => {
  const context = useBridge();
  let second: AppProcess;

  afterAll(async () => {
    await second?.stop();
  });

  it('publishes everything through the lease holder, and hands over when it dies', async () => {
    second = new AppProcess('cashbox-gateway', await freePort(), context.bridge.env);
    await second.start();
    const viaFirst = purchaseBody();
    const viaSecond = purchaseBody();
    expect((await postPurchase(context.bridge, viaFirst)).status).toBe(202);
    expect((await postPurchase({ ...context.bridge, gateway: second }, viaSecond)).status).toBe(202);
    await eventuallyRegistered(context.bridge, viaFirst.voucherCode);
    await eventuallyRegistered(context.bridge, viaSecond.voucherCode);

    const gateways = [context.bridge.gateway, second];
    // The counter moves once the rows are marked sent, which may be after the connector has
    // registered them: wait until both are counted, then see by whom.
    const counts = await eventually('both purchases counted as relayed', async () => {
      const counted = await Promise.all(
        gateways.map(async (app) => relayedCount(await (await fetch(`${app.baseUrl}/metrics`)).text())),
      );
      expect(counted[0] + counted[1]).toBeGreaterThanOrEqual(2);
      return counted;
    });
    expect([...counts].sort()).toEqual([0, 2]);

    // The holder crashes: its connection, and the lock with it, goes; the standby takes over.
    const holder = gateways[counts.indexOf(2)];
    const survivor = gateways[counts.indexOf(0)];
    await holder.kill();
    const afterCrash = purchaseBody();
    expect((await postPurchase({ ...context.bridge, gateway: survivor }, afterCrash)).status).toBe(202);
    await eventuallyRegistered(context.bridge, afterCrash.voucherCode);
  });
});
