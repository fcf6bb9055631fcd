import type { SqlPool } from '@voucher-bridge/database';
import type { OutboxRelayLease } from './outbox-relay.lease';
import { OutboxSignal } from './outbox.signal';
import { OutboxWakeup } from './outbox-wakeup';

function wakeup(held: boolean) {
  const statements: string[] = [];
  const pool = { query: async (text: string) => void statements.push(text) } as unknown as SqlPool;
  const signal = new OutboxSignal();
  return { wakeup: new OutboxWakeup(signal, { held } as OutboxRelayLease, pool), statements, signal };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('OutboxWakeup', () => {
  it('wakes this instance\'s relay, and asks no one else when it holds the lease', async () => {
    const { wakeup: w, statements, signal } = wakeup(true);
    w.accepted();
    await settle();
    expect(statements).toEqual([]);
    // The local wake-up was kept for the relay's next wait.
    await expect(Promise.race([signal.wait(60_000).then(() => 'woken'), settle().then(() => 'asleep')])).resolves.toBe('woken');
  });

  it('notifies the holder through PostgreSQL when another instance holds the lease, one NOTIFY for a burst', async () => {
    const { wakeup: w, statements } = wakeup(false);
    for (let i = 0; i < 50; i++) w.accepted();
    await settle();
    // The first at once, one more for all that came while it was on its way.
    expect(statements).toEqual(['NOTIFY gateway_outbox', 'NOTIFY gateway_outbox']);
  });
});
