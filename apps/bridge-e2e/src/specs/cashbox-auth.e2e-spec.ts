import { hashVoucherCode } from '@voucher-bridge/voucher-contract';
import { admin, createCashboxKey } from '../support/admin-cli';
import { eventually } from '../support/eventually';
import { postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('each cashbox posts with its own API key, bound to its store', () => {
  const context = useBridge();

  async function written(voucherCode: string): Promise<number> {
    const { rows } = await context.db.query(
      `SELECT (SELECT count(*) FROM gateway_purchase WHERE voucher_code_hash = $1)::int
            + (SELECT count(*) FROM gateway_outbox WHERE message_key = $2)::int AS n`,
      [hashVoucherCode(voucherCode), voucherCode],
    );
    return rows[0].n;
  }

  it.each([
    ['no key', ''],
    ['an unknown key', 'vbk_cashbox_thisKeyWasNeverIssuedxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['a malformed header', 'not a bearer token at all'],
  ])('answers 401 problem+json to %s and writes nothing', async (_, secret) => {
    const body = purchaseBody();
    const answer = await postPurchase(context.bridge, body, secret);
    expect(answer.status).toBe(401);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(await written(body.voucherCode)).toBe(0);
  });

  it('answers 401 to a key of another kind (a shop key cannot sell vouchers)', async () => {
    const { stdout } = await admin('keys', 'create', 'shop', '--json');
    const [{ secret }] = JSON.parse(stdout);
    expect((await postPurchase(context.bridge, purchaseBody(), secret)).status).toBe(401);
  });

  it('answers 403 naming the field when a key posts for another store or cashbox, and writes nothing', async () => {
    for (const [override, field] of [[{ storeId: 'store-999' }, 'storeId'], [{ cashboxId: 'box-8' }, 'cashboxId']] as const) {
      const body = purchaseBody(override);
      const answer = await postPurchase(context.bridge, body);
      expect({ status: answer.status, field: answer.body.field }).toEqual({ status: 403, field });
      expect(answer.contentType).toContain('application/problem+json');
      expect(await written(body.voucherCode)).toBe(0);
    }
  });

  it('refuses a key once it is revoked, within the cache time', async () => {
    const key = await createCashboxKey('store-042', 'box-7');
    expect((await postPurchase(context.bridge, purchaseBody(), key.secret)).status).toBe(202);
    const { stdout } = await admin('keys', 'revoke', key.id, '--json');
    expect(JSON.parse(stdout)[0]).toMatchObject({ id: key.id, revoked: expect.any(String) });
    await eventually('the revoked key to be refused', async () => {
      expect((await postPurchase(context.bridge, purchaseBody(), key.secret)).status).toBe(401);
    });
  });

  it('stores keys only as hashes, and never logs them', async () => {
    const { rows } = await context.db.query('SELECT count(*)::int AS n FROM bridge_api_key WHERE key_hash = $1 OR hint = $1',
      [context.bridge.cashboxKey.secret]);
    expect(rows[0].n).toBe(0);
    expect(context.bridge.gateway.log).not.toContain(context.bridge.cashboxKey.secret);
  });

  it('counts the rejected requests by status and reason in /metrics', async () => {
    await postPurchase(context.bridge, purchaseBody(), '');
    const metrics = await (await fetch(`${context.bridge.gateway.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_rejected_total\{[^}]*status="401"[^}]*reason="unauthorized"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/http_requests_rejected_total\{[^}]*status="403"[^}]*reason="forbidden-store"[^}]*\} [1-9]/);
  });
});
