import { AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';
import { freePort } from '@voucher-bridge/app-launch';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

function relayedCount(metrics: string): number {
  return Number(/outbox_relayed_messages_total\{[^}]*\} (\d+)/.exec(metrics)?.[1] ?? NaN);
}

/** Short, so a frozen holder's lease runs out within the test's patience. */
const LEASE_TIMEOUT_MS = 3_000;

describe('with several gateway instances on one database, one relays the outbox', () => {
  const context = useBridge({ OUTBOX_RELAY_LEASE_TIMEOUT_MS: String(LEASE_TIMEOUT_MS) });
  let second: AppProcess;
  /** After the first test: the instance that took over, and the one started again as standby. */
  let holder: AppProcess;
  let standby: AppProcess;

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
    const crashed = gateways[counts.indexOf(2)];
    const survivor = gateways[counts.indexOf(0)];
    await crashed.kill();
    const afterCrash = purchaseBody();
    expect((await postPurchase({ ...context.bridge, gateway: survivor }, afterCrash)).status).toBe(202);
    await eventuallyRegistered(context.bridge, afterCrash.voucherCode);
    holder = survivor;
    standby = crashed;
  });

  it('hands over when the holder freezes with its connection open, and the holder goes on as standby when it thaws', async () => {
    await standby.start();
    // Frozen, its connection to PostgreSQL stays open (the kernel keeps the socket): only the
    // lease's own timeout frees the lock, as it must for a stalled VM or a host cut off the network.
    holder.pause();
    try {
      const whileFrozen = purchaseBody();
      expect((await postPurchase({ ...context.bridge, gateway: standby }, whileFrozen)).status).toBe(202);
      await eventuallyRegistered(context.bridge, whileFrozen.voucherCode, 80); // 20 s
    } finally {
      holder.resume();
    }
    // Thawed, it finds its lease gone and stands by: it stays up, and what it accepts is relayed
    // by the new holder.
    const afterThaw = purchaseBody();
    expect((await postPurchase({ ...context.bridge, gateway: holder }, afterThaw)).status).toBe(202);
    await eventuallyRegistered(context.bridge, afterThaw.voucherCode);
    expect((await fetch(`${holder.baseUrl}/health/live`)).status).toBe(200);
  });
});
