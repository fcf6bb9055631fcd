import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { eventually } from '../support/eventually';
import { postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('a crash at any point loses nothing and duplicates nothing', () => {
  const context = useBridge();

  it('registers every accepted purchase exactly once after both apps were killed mid-flight', async () => {
    const bodies = Array.from({ length: 400 }, () => purchaseBody());
    const accepted: string[] = [];
    const post = async (slice: typeof bodies) => {
      await Promise.all(slice.map(async (body) => {
        const answer = await postPurchase(context.bridge, body).catch(() => undefined);
        if (answer?.status === 202) accepted.push(body.voucherCode);
      }));
    };

    await post(bodies.slice(0, 150));
    // The connector dies (SIGKILL: no hooks, no commit) while working through the first events.
    await context.bridge.connector.kill();
    await post(bodies.slice(150, 300));
    // The gateway dies right after answering: some outbox rows are not relayed yet.
    const lastWave = post(bodies.slice(300));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await context.bridge.gateway.kill();
    await lastWave;

    await Promise.all([context.bridge.gateway.start(), context.bridge.connector.start()]);

    expect(accepted.length).toBeGreaterThanOrEqual(300);
    // A request cut off by the crash may have committed without its answer reaching the
    // cashbox (whose retry would get the same eventId): the database says what was accepted.
    const allHashes = bodies.map((b) => hashVoucherCode(b.voucherCode));
    const committed = await context.db.query<{ voucher_code_hash: string }>(
      'SELECT voucher_code_hash FROM gateway_purchase WHERE voucher_code_hash = ANY($1)', [allHashes]);
    const committedHashes = committed.rows.map((r) => r.voucher_code_hash);
    expect(committedHashes).toEqual(expect.arrayContaining(accepted.map(hashVoucherCode)));

    await eventually('every accepted voucher to be registered', async () => {
      const { rows } = await context.db.query(
        'SELECT count(*)::int AS n FROM registry_voucher WHERE voucher_code_hash = ANY($1)', [allHashes]);
      if (rows[0].n !== committedHashes.length) throw new Error(`${rows[0].n} of ${committedHashes.length} registered`);
    }, 480);
    // One event per purchase, applied once, whatever Kafka redelivered after the crashes.
    const { rows } = await context.db.query(
      `SELECT count(*)::int AS events FROM gateway_purchase p JOIN registry_processed_event e USING (event_id)
       WHERE p.voucher_code_hash = ANY($1)`, [allHashes]);
    expect(rows[0].events).toBe(committedHashes.length);
  });
});
