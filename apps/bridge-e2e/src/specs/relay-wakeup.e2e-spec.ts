import { freePort } from '@voucher-bridge/app-launch';
import { AppProcess } from '../support/app-process';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

/** The longest poll there is: whatever reaches Kafka sooner was woken, not polled. */
const POLL_INTERVAL_MS = 60_000;

describe('with two gateway instances, what the standby accepts', () => {
  const context = useBridge({ OUTBOX_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS) });
  let standby: AppProcess;

  afterAll(async () => {
    await standby?.stop();
  });

  it('wakes the relaying instance through PostgreSQL instead of waiting for its poll', async () => {
    // Through the first gateway: it relays (it holds the lease), then waits up to a minute.
    const first = purchaseBody();
    expect((await postPurchase(context.bridge, first)).status).toBe(202);
    await eventuallyRegistered(context.bridge, first.voucherCode);

    standby = new AppProcess('cashbox-gateway', await freePort(), context.bridge.env);
    await standby.start();
    const viaStandby = purchaseBody();
    expect((await postPurchase({ ...context.bridge, gateway: standby }, viaStandby)).status).toBe(202);

    // 40 lookups 250 ms apart: registered within 10 s, where the poll would take up to a minute.
    await eventuallyRegistered(context.bridge, viaStandby.voucherCode, 40);
  });
});
