import { eventually } from '../support/eventually';
import { bearer, postJson } from '../support/http';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('sent outbox rows, which hold the plain voucher code, are deleted after their retention', () => {
  const context = useBridge({ OUTBOX_RETENTION_MINUTES: '0', IDEMPOTENCY_KEY_RETENTION_HOURS: '0', OUTBOX_CLEANUP_INTERVAL_MS: '200' });

  it('leaves no trace of the plain code in the gateway tables once the event was sent', async () => {
    const body = purchaseBody();
    const accepted = await postPurchase(context.bridge, body);
    expect(accepted.status).toBe(202);
    await eventuallyRegistered(context.bridge, body.voucherCode);

    await eventually('the sent outbox row to be deleted', async () => {
      const { rows } = await context.db.query('SELECT count(*)::int AS n FROM gateway_outbox WHERE event_id = $1', [accepted.body.eventId]);
      expect(rows[0].n).toBe(0);
    });
    const { rows } = await context.db.query(
      `SELECT (SELECT count(*) FROM gateway_outbox WHERE payload LIKE '%' || $1 || '%' OR message_key = $1)::int AS outbox,
              (SELECT count(*) FROM gateway_purchase p WHERE row_to_json(p)::text LIKE '%' || $1 || '%')::int AS purchase`,
      [body.voucherCode],
    );
    expect(rows[0]).toEqual({ outbox: 0, purchase: 0 });
    // The purchase itself stays (hash and masked code only): a cashbox retry still gets its answer.
    expect((await postPurchase(context.bridge, body)).body).toEqual(accepted.body);

    const metrics = await (await fetch(`${context.bridge.gateway.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/outbox_expired_rows_deleted_total\{[^}]*\} [1-9]/);
  });

  it('forgets Idempotency-Keys after their retention', async () => {
    const key = `retention-${Date.now()}`;
    const answer = await postJson(`${context.bridge.gateway.baseUrl}/v1/voucher-purchases`, purchaseBody(),
      { ...bearer(context.bridge.cashboxKey.secret), 'idempotency-key': key });
    expect(answer.status).toBe(202);
    await eventually('the Idempotency-Key to be forgotten', async () => {
      const { rows } = await context.db.query('SELECT count(*)::int AS n FROM gateway_idempotency_key WHERE idempotency_key = $1', [key]);
      expect(rows[0].n).toBe(0);
    });
  });
});
